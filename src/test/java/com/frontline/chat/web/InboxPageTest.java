package com.frontline.chat.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.audit.AuditEntry;
import com.frontline.audit.AuditLog;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatService;
import com.frontline.chat.Conversation;
import com.frontline.chat.ConversationStatus;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Role;
import com.frontline.tenants.TeamService;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The agents' inbox: who is waiting and what they wrote, resolved conversations by their first question, take-over and
 * resolve in the audit log, and only conversations meant for the team: a colleague's playground test and another
 * workspace's conversations are not found.
 */
@IntegrationTest
class InboxPageTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired TenantService tenants;
    @Autowired TeamService team;
    @Autowired ChatService chat;
    @Autowired AuditLog audit;

    TestAccounts.Account alice;
    Workspace a;
    CurrentTenant tenant;
    MockHttpSession agent;
    TestAccounts.Account bob;
    CurrentTenant other;

    @BeforeEach
    void twoWorkspacesAndAnAgent() throws Exception {
        alice = accounts.signedIn(mvc, "alice");
        a = accounts.workspace(alice, "Inbox Co");
        tenant = accounts.asMember(alice, a);
        var user = accounts.user("agent");
        var invited = team.invite(tenant, user.email(), Role.AGENT, "http://x");
        team.accept(invited.link().substring(invited.link().lastIndexOf('/') + 1), new Actor(user.id(), user.email()));
        agent = accounts.login(mvc, user.email());
        bob = accounts.signedIn(mvc, "bob");
        other = accounts.asMember(bob, accounts.workspace(bob, "Other Co"));
    }

    String page(String url, MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    Conversation waitingVisitor(CurrentTenant in, String visitor, String question) {
        Conversation c = chat.start(in.id(), Channel.WIDGET, "visitor:" + visitor);
        chat.ask(in.id(), c.id(), question);
        assertThat(chat.conversation(in.id(), c.id()).status()).isEqualTo(ConversationStatus.WAITING);
        return c;
    }

    @Test
    void theQueueShowsWhoIsWaitingWhereFromSinceWhenAndTheirLastMessages() throws Exception {
        Conversation known = waitingVisitor(tenant, "known", "My parcel never came, I want to talk to a human");
        chat.recordCustomer(tenant.id(), known.id(), "Ann Lee", "ann@example.com", "https://www.shop.example/orders/17?x=1");
        Conversation anonymous = waitingVisitor(tenant, "anon", "Can I speak to a person about my invoice?");
        chat.recordCustomer(tenant.id(), anonymous.id(), null, "not an e-mail", "https://www.shop.example/pricing");

        String inbox = page("/w/" + a.slug() + "/inbox", agent);
        assertThat(inbox).contains("Ann Lee", "from www.shop.example/orders/17", "My parcel never came",
                "Website visitor", "from www.shop.example/pricing", "Can I speak to a person about my invoice?",
                "The customer asked for a person", "less than a minute");
        assertThat(inbox).doesNotContain("not an e-mail", "x=1");

        String conversation = page("/w/" + a.slug() + "/inbox/" + known.id(), agent);
        assertThat(conversation).contains("Ann Lee", "mailto:ann@example.com", "www.shop.example/orders/17");
    }

    @Test
    void resolvedConversationsAreListedByTheirFirstQuestionAndBothStepsAreAudited() throws Exception {
        Conversation c = waitingVisitor(tenant, "resolved", "Where is my refund? Let me talk to a human");
        mvc.perform(post("/w/" + a.slug() + "/inbox/" + c.id() + "/take-over").session(agent).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/w/" + a.slug() + "/inbox/" + c.id() + "/resolve").session(agent).with(csrf()))
                .andExpect(status().is3xxRedirection());

        String inbox = page("/w/" + a.slug() + "/inbox", agent);
        String resolved = inbox.substring(inbox.indexOf("data-testid=\"inbox-resolved\""));
        assertThat(resolved).contains("Where is my refund? Let me talk to a human", "/inbox/" + c.id());

        var entries = audit.recent(tenant.id(), null, "chat.");
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("chat.conversation_resolved", "chat.conversation_taken_over");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.target()).isEqualTo("Conversation " + c.id());
            assertThat(String.valueOf(e.before()) + e.after() + e.target()).doesNotContain("refund");
        });
        assertThat(audit.recent(other.id(), null, "chat.")).isEmpty();
    }

    @Test
    void aColleaguesPlaygroundTestIsNotServedByTheInboxUntilItIsHandedOff() throws Exception {
        Conversation test = chat.start(tenant.id(), Channel.PLAYGROUND, "user:" + alice.user().id());
        chat.ask(tenant.id(), test.id(), "A private test question about salaries");
        String base = "/w/" + a.slug() + "/inbox/" + test.id();

        mvc.perform(get(base).session(agent)).andExpect(status().isNotFound());
        mvc.perform(get(base + "/events").session(agent)).andExpect(status().isNotFound());
        mvc.perform(post(base + "/take-over").session(agent).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(base + "/resolve").session(agent).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(base + "/messages").param("message", "hi").session(agent).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(chat.conversation(tenant.id(), test.id()).status()).isEqualTo(ConversationStatus.BOT);

        chat.requestHandoff(tenant.id(), test.id(), "The customer asked for a person.");
        assertThat(page(base, agent)).contains("alice (playground)");
    }

    @Test
    void anotherWorkspacesConversationsAreNeitherListedNorReachable() throws Exception {
        Conversation mine = waitingVisitor(tenant, "mine", "Talk to a human about workspace A");
        Conversation theirs = waitingVisitor(other, "theirs", "Talk to a human about workspace B");

        String inboxA = page("/w/" + a.slug() + "/inbox", alice.session());
        assertThat(inboxA).contains(mine.id().toString()).doesNotContain(theirs.id().toString(), "workspace B");
        String inboxB = page("/w/" + other.slug() + "/inbox", bob.session());
        assertThat(inboxB).contains(theirs.id().toString()).doesNotContain(mine.id().toString(), "workspace A");

        // bob, through his own workspace's address, names alice's conversation
        String crossed = "/w/" + other.slug() + "/inbox/" + mine.id();
        mvc.perform(get(crossed).session(bob.session())).andExpect(status().isNotFound());
        mvc.perform(get(crossed + "/events").session(bob.session())).andExpect(status().isNotFound());
        mvc.perform(post(crossed + "/take-over").session(bob.session()).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(crossed + "/resolve").session(bob.session()).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(crossed + "/messages").param("message", "hi").session(bob.session()).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(chat.conversation(tenant.id(), mine.id()).status()).isEqualTo(ConversationStatus.WAITING);
        assertThat(chat.customer(tenant.id(), mine.id()).label()).isEqualTo("Website visitor");
    }

    @Test
    void theWidgetRecordsTheVisitorsPageAndWhatTheWebsiteSaysAboutThem() throws Exception {
        String key = tenants.widget(a.id()).publicKey();
        String visitor = "v" + UUID.randomUUID().toString().replace("-", "");
        String json = mvc.perform(post("/widget/api/session").param("key", key).param("visitor", visitor)
                        .param("page", "https://www.shop.example/help").param("name", "Ann Lee")
                        .param("email", "ann@example.com"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(json.replaceAll(".*\"conversationId\":\"([^\"]+)\".*", "$1"));
        // a later page of the same visit keeps the page the chat started on
        mvc.perform(post("/widget/api/session").param("key", key).param("visitor", visitor)
                .param("page", "https://www.shop.example/checkout")).andExpect(status().isOk());
        await(() -> chat.customer(tenant.id(), id).pageUrl() != null);
        var customer = chat.customer(tenant.id(), id);
        assertThat(customer.label()).isEqualTo("Ann Lee");
        assertThat(customer.email()).isEqualTo("ann@example.com");
        assertThat(customer.page()).isEqualTo("www.shop.example/help");
    }
}
