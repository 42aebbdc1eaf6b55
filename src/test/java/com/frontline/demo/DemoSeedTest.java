package com.frontline.demo;

import com.frontline.IntegrationTest;
import com.frontline.accounts.AccountOverview;
import com.frontline.accounts.AccountsService;
import com.frontline.chat.Author;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatMessage;
import com.frontline.chat.ChatService;
import com.frontline.chat.Citation;
import com.frontline.chat.Conversation;
import com.frontline.chat.ConversationStatus;
import com.frontline.identity.UserService;
import com.frontline.knowledge.DocumentStatus;
import com.frontline.knowledge.DocumentSummary;
import com.frontline.knowledge.KnowledgeService;
import com.frontline.search.KnowledgeIndex;
import com.frontline.shared.CurrentTenant;
import com.frontline.tenants.TenantService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static com.frontline.db.assistants.Tables.VERSIONS;
import static com.frontline.db.tenants.Tables.WORKSPACES;
import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo workspace the test context seeded on its empty database, as a newcomer finds it: a help centre that
 * really answers the first questions with citations, accounts with trends, and conversations in the Inbox.
 */
@IntegrationTest
class DemoSeedTest {

    @Autowired MockMvc mvc;
    @Autowired DemoSeeder seeder;
    @Autowired TenantService tenants;
    @Autowired UserService users;
    @Autowired KnowledgeService knowledge;
    @Autowired KnowledgeIndex index;
    @Autowired AccountsService accounts;
    @Autowired ChatService chat;
    @Autowired com.frontline.assistants.AssistantVersions versions;
    @Autowired org.jooq.DSLContext dsl;

    CurrentTenant acme;

    @BeforeEach
    void theSeededWorkspaceIsIndexed() {
        var admin = users.findByEmail(DemoSeeder.EMAIL).orElseThrow();
        acme = tenants.resolve(admin.id(), admin.email(), DemoSeeder.SLUG).orElseThrow();
        await(() -> knowledge.documents(acme.id()).stream().filter(d -> d.filename() != null)
                .noneMatch(d -> d.latestStatus().inProgress()));
        assertThat(knowledge.documents(acme.id())).filteredOn(d -> d.filename() != null)
                .allSatisfy(d -> assertThat(d.latestStatus()).as("%s: %s", d.title(), d.statusDetail())
                        .isEqualTo(DocumentStatus.INDEXED));
        index.refresh();
    }

    @Test
    void theSeedMadeVersionOneOfAvaLive() {
        // made in the seed's transaction (PostgreSQL's now() is the transaction's start), not on first use later
        var v1 = dsl.select(VERSIONS.CREATED_AT).from(VERSIONS)
                .where(VERSIONS.TENANT_ID.eq(acme.id().value()), VERSIONS.NUMBER.eq(1)).fetchSingle().value1();
        var workspaceCreated = dsl.select(WORKSPACES.CREATED_AT).from(WORKSPACES)
                .where(WORKSPACES.ID.eq(acme.id().value())).fetchSingle().value1();
        assertThat(v1).isEqualTo(workspaceCreated);
        assertThat(versions.liveVersion(acme.id())).isEqualTo(1);
        assertThat(versions.liveConfig(acme.id()).persona().assistantName()).isEqualTo("Ava");
    }

    @Test
    void theHelpCentreHasFiveFormatsAllIndexed() {
        List<DocumentSummary> docs = knowledge.documents(acme.id()).stream().filter(d -> d.filename() != null).toList();
        assertThat(docs).extracting(DocumentSummary::documentTypeLabel)
                .containsExactlyInAnyOrder("Markdown", "HTML", "Word (.docx)", "PDF", "FAQ (CSV)");
        assertThat(docs).allSatisfy(d -> assertThat(d.chunkCount()).isNotNull().isGreaterThanOrEqualTo(3));
    }

    @Test
    void theFirstQuestionsANewcomerAsksGetCitedAnswersFromTheOfflineAnswerer() {
        assertCitedAnswer("How do I return an item?", "Returns and refunds", "My account");
        assertCitedAnswer("How long does shipping take?", "Shipping and delivery", "2 to 4 working days");
        assertCitedAnswer("How do I reset my password?", "Account and password", "Forgot password");
        assertCitedAnswer("Which payment methods can I use?", "Billing and payments", "PayPal");
        assertCitedAnswer("My coffee machine shows a flashing red light", "Product FAQ", "descal");
    }

    @Test
    void accountsAndConversationsAreThereWithTrendsRatingsAndOneWaitingInTheInbox() {
        List<AccountOverview> overview = accounts.overview(acme.id());
        assertThat(overview).extracting(AccountOverview::name).containsExactlyInAnyOrder("Bean There Cafés",
                "Greenleaf Offices", "Harbour Hotels", "Bright Dental Clinics", "Nordic Bakeries");
        assertThat(accounts.account(acme.id(), overview.getFirst().id()).series()).hasSize(4)
                .allSatisfy((kpi, points) -> assertThat(points).hasSize(6));

        List<Conversation> inbox = chat.inbox(acme.id());
        assertThat(inbox).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ConversationStatus.WAITING);
            assertThat(c.channel()).isEqualTo(Channel.WIDGET);
            assertThat(chat.messages(acme.id(), c.id(), 0)).extracting(ChatMessage::text)
                    .anySatisfy(t -> assertThat(t).contains("cracked"));
        });
        assertThat(chat.recentlyResolved(acme.id())).hasSize(1);
    }

    @Test
    void everyPageShowsWhatItIsFor() throws Exception {
        MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin("/login").user(DemoSeeder.EMAIL)
                .password(DemoSeeder.PASSWORD)).andReturn().getRequest().getSession(false);
        mvc.perform(get("/w/acme").session(admin)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("4 of 5 done"), containsString("Imported account KPIs"))));
        mvc.perform(get("/w/acme/knowledge").session(admin))
                .andExpect(content().string(allOf(containsString("Returns and refunds"), containsString("FAQ (CSV)"),
                        containsString("5 documents"), not(containsString("FAQ_CSV")))));
        mvc.perform(get("/w/acme/accounts").session(admin))
                .andExpect(content().string(allOf(containsString("Harbour Hotels"), containsString("5 accounts"))));
        mvc.perform(get("/w/acme/inbox").session(admin))
                .andExpect(content().string(allOf(containsString("data-testid=\"waiting-conversation\""),
                        containsString("The customer asked for a person."), containsString("id=\"resolved-heading\""))));
        // the audit log's filter lists the areas that have entries, by name
        mvc.perform(get("/w/acme/audit").session(admin))
                .andExpect(content().string(allOf(containsString(">Accounts</option>"),
                        containsString(">Knowledge</option>"), containsString("Imported account KPIs"),
                        not(containsString(">Handoff</option>")), not(containsString("accounts.import_confirmed</")))));
        mvc.perform(get("/w/acme/audit").param("action", "accounts.").session(admin))
                .andExpect(content().string(allOf(containsString("Imported account KPIs"),
                        containsString("Skipped rows"), not(containsString("Added a document")))));
    }

    @Test
    void runningAgainOnANonEmptyDatabaseChangesNothing() throws Exception {
        int documents = knowledge.documents(acme.id()).size();
        int conversations = chat.inbox(acme.id()).size() + chat.recentlyResolved(acme.id()).size();

        seeder.run(null);

        assertThat(knowledge.documents(acme.id())).hasSize(documents);
        assertThat(chat.inbox(acme.id()).size() + chat.recentlyResolved(acme.id()).size()).isEqualTo(conversations);
        assertThat(tenants.workspacesOf(users.findByEmail(DemoSeeder.EMAIL).orElseThrow().id())).hasSize(1);
    }

    private void assertCitedAnswer(String question, String title, String expected) {
        Conversation c = chat.start(acme.id(), Channel.PLAYGROUND, "user:demo-test");
        chat.ask(acme.id(), c.id(), question);
        await(() -> chat.messages(acme.id(), c.id(), 0).stream().anyMatch(m -> m.author() == Author.ASSISTANT));
        ChatMessage answer = chat.messages(acme.id(), c.id(), 0).stream()
                .filter(m -> m.author() == Author.ASSISTANT).findFirst().orElseThrow();
        System.out.printf("%s → %s (confidence %.2f, %s)%n", question, answer.text(), answer.confidence(),
                answer.citations().stream().map(Citation::title).toList());
        assertThat(answer.lowConfidence()).as("%s → %s", question, answer.text()).isFalse();
        assertThat(answer.extractive()).isTrue();
        assertThat(answer.text()).as(question).containsIgnoringCase(expected);
        assertThat(answer.citations()).as(question).isNotEmpty();
        assertThat(answer.citations().getFirst().title()).as(question).contains(title);
    }
}
