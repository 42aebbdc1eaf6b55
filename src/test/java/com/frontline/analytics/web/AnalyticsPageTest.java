package com.frontline.analytics.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.Channel;
import com.frontline.shared.Actor;
import com.frontline.shared.Role;
import com.frontline.tenants.TeamService;
import com.frontline.tenants.Workspace;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The analytics page, its question drill-down and the dashboard's key cards, for two workspaces side by side: each
 * shows its own conversations and questions only, a member of one cannot open the other's, bad periods get a message
 * next to the field, and an empty workspace says so.
 */
@IntegrationTest
class AnalyticsPageTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired DSLContext dsl;
    @Autowired TeamService team;

    TestAccounts.Account alice;
    TestAccounts.Account bob;
    Workspace a;
    Workspace b;
    UUID aConversation;
    UUID bConversation;

    @BeforeEach
    void twoWorkspaces() throws Exception {
        alice = accounts.signedIn(mvc, "alice");
        bob = accounts.signedIn(mvc, "bob");
        a = accounts.workspace(alice, "Analytics Page Co");
        b = accounts.workspace(bob, "Other Analytics Page Co");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        aConversation = conversation(a, "Do you ship to Iceland?", now.minusDays(3), true);
        conversation(a, "do you ship to ICELAND", now.minusDays(2), false);
        conversation(a, "Where is my parcel?", now.minusDays(40), false); // before the last 30 days
        bConversation = conversation(b, "Is the zebra blender dishwasher safe?", now.minusDays(3), true);
    }

    UUID conversation(Workspace w, String question, OffsetDateTime at, boolean fellBack) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(CONVERSATIONS).set(CONVERSATIONS.TENANT_ID, w.id().value()).set(CONVERSATIONS.ID, id)
                .set(CONVERSATIONS.CHANNEL, Channel.WIDGET.name()).set(CONVERSATIONS.VISITOR_ID, "visitor:page")
                .set(CONVERSATIONS.CREATED_AT, at).set(CONVERSATIONS.UPDATED_AT, at).execute();
        dsl.insertInto(MESSAGES).set(MESSAGES.TENANT_ID, w.id().value()).set(MESSAGES.ID, UUID.randomUUID())
                .set(MESSAGES.CONVERSATION_ID, id).set(MESSAGES.AUTHOR, "CUSTOMER").set(MESSAGES.BODY, question)
                .set(MESSAGES.CREATED_AT, at).execute();
        dsl.insertInto(MESSAGES).set(MESSAGES.TENANT_ID, w.id().value()).set(MESSAGES.ID, UUID.randomUUID())
                .set(MESSAGES.CONVERSATION_ID, id).set(MESSAGES.AUTHOR, "ASSISTANT").set(MESSAGES.BODY, "Answer.")
                .set(MESSAGES.QUESTION, question).set(MESSAGES.LOW_CONFIDENCE, fellBack)
                .set(MESSAGES.CREATED_AT, at.plusSeconds(2)).execute();
        return id;
    }

    String page(String url, MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void eachWorkspaceSeesItsOwnFiguresAndQuestionsOnly() throws Exception {
        String aPage = page("/w/" + a.slug() + "/analytics", alice.session());
        assertThat(aPage).contains("data-testid=\"top-questions\"", "Do you ship to Iceland?",
                "grouped by identical wording".substring(1), "Knowledge gaps page")
                .doesNotContain("zebra blender", "Where is my parcel?");
        // the two wordings are one question, asked twice and unanswered once
        assertThat(aPage).contains("2 × · 1 unanswered");
        assertThat(aPage).containsPattern("data-testid=\"card-conversations\">\\s*<h3>Conversations</h3>\\s*"
                + "<p class=\"usage-value\">2</p>");
        String bPage = page("/w/" + b.slug() + "/analytics", bob.session());
        assertThat(bPage).contains("zebra blender").doesNotContain("Iceland");
        // the 90 days include the older question
        assertThat(page("/w/" + a.slug() + "/analytics?period=90", alice.session())).contains("Where is my parcel?");

        // another workspace's page and drill-down are closed to a non-member
        assertThat(mvc.perform(get("/w/" + b.slug() + "/analytics").session(alice.session())).andReturn()
                .getResponse().getStatus()).isBetween(400, 499);
        assertThat(mvc.perform(get("/w/" + b.slug() + "/analytics/questions?q=zebra").session(alice.session()))
                .andReturn().getResponse().getStatus()).isBetween(400, 499);
    }

    @Test
    void aQuestionListsItsConversationsInTheWorkspaceOnly() throws Exception {
        String base = "/w/" + a.slug() + "/analytics/questions";
        String asked = page(base + "?q=do you ship to iceland&unanswered=true", alice.session());
        assertThat(asked).contains("/w/" + a.slug() + "/inbox/" + aConversation).contains("fallback");
        String all = page(base + "?q=do you ship to iceland", alice.session());
        assertThat(all).contains("do you ship to ICELAND", "Do you ship to Iceland?");
        // B's question's wording, asked in A's workspace: nothing (B's conversation is never listed)
        String other = page(base + "?q=is the zebra blender dishwasher safe", alice.session());
        assertThat(other).contains("data-testid=\"question-empty\"").doesNotContain(bConversation.toString());
        assertThat(page(base, alice.session())).contains("data-testid=\"question-none\"");
    }

    @Test
    void badPeriodsGetAMessageNextToTheFieldAndTheLast30Days() throws Exception {
        String html = page("/w/" + a.slug() + "/analytics?period=custom&from=2026-12-05&to=2026-11-01",
                alice.session());
        assertThat(html).contains("data-testid=\"analytics-filter-error\"", "The last day is before the first");
        html = page("/w/" + a.slug() + "/analytics?period=custom&from=1990-01-01&to=1990-01-02", alice.session());
        assertThat(html).contains("Choose a first day within the last ten years.");
        html = page("/w/" + a.slug() + "/analytics?period=custom&from=2099-01-01&to=2099-01-02", alice.session());
        assertThat(html).contains("at the latest");
        assertThat(page("/w/" + a.slug() + "/analytics?channel=EVALUATION", alice.session()))
                .contains("Choose the website widget, the playground, or both");
    }

    @Test
    void anEmptyWorkspaceSaysSoAndTheDashboardCardsLinkToThePage() throws Exception {
        TestAccounts.Account carol = accounts.signedIn(mvc, "carol");
        Workspace empty = accounts.workspace(carol, "Quiet Co");
        assertThat(page("/w/" + empty.slug() + "/analytics", carol.session()))
                .contains("data-testid=\"analytics-empty\"", "No conversations in this period");

        String dashboard = page("/w/" + a.slug(), alice.session());
        assertThat(dashboard).contains("/w/" + a.slug() + "/analytics/key-cards");
        String cards = mvc.perform(get("/w/" + a.slug() + "/analytics/key-cards").session(alice.session())
                        .header("HX-Request", "true")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(cards).contains("data-testid=\"key-conversations\"", "data-testid=\"key-deflection\"",
                "/w/" + a.slug() + "/analytics?period=7").doesNotContain("<html");
        String emptyCards = mvc.perform(get("/w/" + empty.slug() + "/analytics/key-cards").session(carol.session())
                        .header("HX-Request", "true")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(emptyCards).contains("No conversations in the last 7 days.");
    }

    @Test
    void viewersSeeNeitherThePageNorTheCards() throws Exception {
        TestAccounts.Account viewer = accounts.signedIn(mvc, "victor");
        var invited = team.invite(accounts.asMember(alice, a), viewer.user().email(), Role.VIEWER, "http://x");
        team.accept(invited.link().substring(invited.link().lastIndexOf('/') + 1),
                new Actor(viewer.user().id(), viewer.user().email()));
        assertThat(mvc.perform(get("/w/" + a.slug() + "/analytics").session(viewer.session())).andReturn()
                .getResponse().getStatus()).isBetween(400, 499);
        assertThat(page("/w/" + a.slug(), viewer.session())).doesNotContain("/analytics/key-cards");
    }
}
