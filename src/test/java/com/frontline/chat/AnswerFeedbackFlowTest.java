package com.frontline.chat;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.knowledge.DocumentStatus;
import com.frontline.knowledge.KnowledgeService;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.Visibility;
import com.frontline.shared.CurrentTenant;
import com.frontline.tenants.TenantService;
import com.jayway.jsonpath.JsonPath;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static com.frontline.Eventually.await;
import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Ratings with reasons from the widget, the playground and the inbox; what an answer keeps of its retrieval and
 * handoff; the "visitor left" beacon; and the job that reads implicit signals once a conversation is quiet.
 */
@IntegrationTest
class AnswerFeedbackFlowTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired ChatService chat;
    @Autowired TenantService tenants;
    @Autowired KnowledgeService knowledge;
    @Autowired KnowledgeIndex index;
    @Autowired ImplicitSignalsJob signalsJob;
    @Autowired DSLContext dsl;

    TestAccounts.Account alice;
    CurrentTenant tenant;
    TestAccounts.Account bob;
    CurrentTenant other;

    @BeforeEach
    void twoWorkspaces() throws Exception {
        alice = accounts.signedIn(mvc, "alice");
        tenant = accounts.asMember(alice, accounts.workspace(alice, "Returns Co"));
        bob = accounts.signedIn(mvc, "bob");
        other = accounts.asMember(bob, accounts.workspace(bob, "Other Co"));
    }

    record Session(String token, UUID conversationId) {
    }

    private Session widgetSession(CurrentTenant t) throws Exception {
        String body = mvc.perform(post("/widget/api/session").param("key", tenants.widget(t.id()).publicKey())
                        .param("visitor", "v" + UUID.randomUUID().toString().replace("-", "")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return new Session(JsonPath.read(body, "$.token"), UUID.fromString(JsonPath.read(body, "$.conversationId")));
    }

    private ChatMessage awaitAnswer(CurrentTenant t, UUID conversationId, int nth) {
        await(() -> chat.messages(t.id(), conversationId, 0).stream()
                .filter(m -> m.author() == Author.ASSISTANT).count() >= nth);
        return chat.messages(t.id(), conversationId, 0).stream().filter(m -> m.author() == Author.ASSISTANT)
                .toList().get(nth - 1);
    }

    private ChatMessage reload(CurrentTenant t, ChatMessage m) {
        return chat.messages(t.id(), m.conversationId(), 0).stream().filter(x -> x.id().equals(m.id()))
                .findFirst().orElseThrow();
    }

    @Test
    void aVisitorRatesAnAnswerDownWithReasonsAndACommentThenChangesTheirMind() throws Exception {
        Session s = widgetSession(tenant);
        chat.ask(tenant.id(), s.conversationId(), "Can I bring my parrot to the shareholder meeting?");
        ChatMessage answer = awaitAnswer(tenant, s.conversationId(), 1);
        String url = "/widget/api/messages/" + answer.id() + "/feedback";

        mvc.perform(post(url).header("X-Widget-Token", s.token()).param("value", "-1")
                        .param("reasons", "INCORRECT").param("reasons", "NOT_WHAT_I_ASKED")
                        .param("comment", "<script>alert(1)</script> Parrots are welcome, says the FAQ."))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.feedback").value(-1))
                .andExpect(jsonPath("$.reasons[0]").value("INCORRECT"));
        ChatMessage rated = reload(tenant, answer);
        assertThat(rated.feedback()).isEqualTo(-1);
        assertThat(rated.feedbackReasons()).containsExactly(FeedbackReason.INCORRECT,
                FeedbackReason.NOT_WHAT_I_ASKED);
        assertThat(rated.feedbackComment()).isEqualTo("<script>alert(1)</script> Parrots are welcome, says the FAQ.");
        assertThat(dsl.select(MESSAGES.FEEDBACK_AT).from(MESSAGES).where(MESSAGES.TENANT_ID.eq(tenant.id().value()),
                MESSAGES.ID.eq(answer.id())).fetchOne(MESSAGES.FEEDBACK_AT)).isNotNull();

        mvc.perform(post(url).header("X-Widget-Token", s.token()).param("value", "1"))
                .andExpect(status().isOk());
        ChatMessage up = reload(tenant, answer);
        assertThat(up.feedback()).isEqualTo(1);
        assertThat(up.feedbackReasons()).isEmpty();
        assertThat(up.feedbackComment()).isNull();
    }

    @Test
    void badRatingsAreRefusedWithAMessageAndNothingChanges() throws Exception {
        Session s = widgetSession(tenant);
        chat.ask(tenant.id(), s.conversationId(), "Can I bring my parrot to the shareholder meeting?");
        ChatMessage answer = awaitAnswer(tenant, s.conversationId(), 1);
        String url = "/widget/api/messages/" + answer.id() + "/feedback";

        mvc.perform(post(url).header("X-Widget-Token", s.token()).param("value", "5"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("👎 (-1)")));
        mvc.perform(post(url).header("X-Widget-Token", s.token()).param("value", "-1").param("reasons", "RUDE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("Unknown reason \"RUDE\"")));
        mvc.perform(post(url).header("X-Widget-Token", s.token()).param("value", "-1")
                        .param("comment", "x".repeat(2001)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("2,000 characters")));
        assertThat(reload(tenant, answer).feedback()).isNull();

        // the same in the portal's playground: a 422 with the message the page shows
        String base = "/w/" + tenant.slug() + "/playground/";
        UUID mine = chat.start(tenant.id(), Channel.PLAYGROUND, "user:" + alice.user().id()).id();
        chat.ask(tenant.id(), mine, "Can I bring my parrot to the shareholder meeting?");
        ChatMessage tried = awaitAnswer(tenant, mine, 1);
        mvc.perform(post(base + mine + "/messages/" + tried.id() + "/feedback").session(alice.session())
                        .with(csrf()).param("value", "0"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("👍 (1) or 👎 (-1)")));
        mvc.perform(post(base + mine + "/messages/" + tried.id() + "/feedback").session(alice.session())
                        .with(csrf()).param("value", "-1").param("reasons", "TONE").param("comment", "Too curt"))
                .andExpect(status().isOk());
        assertThat(reload(tenant, tried).feedbackReasons()).containsExactly(FeedbackReason.TONE);
    }

    @Test
    void anAnswerOfAnotherWorkspaceOrConversationIsNotFound() throws Exception {
        Session a = widgetSession(tenant);
        chat.ask(tenant.id(), a.conversationId(), "Can I bring my parrot to the shareholder meeting?");
        ChatMessage answer = awaitAnswer(tenant, a.conversationId(), 1);
        Session b = widgetSession(other);
        Session sameWorkspace = widgetSession(tenant);

        for (Session s : List.of(b, sameWorkspace)) {
            mvc.perform(post("/widget/api/messages/" + answer.id() + "/feedback").header("X-Widget-Token", s.token())
                            .param("value", "-1"))
                    .andExpect(status().isNotFound());
        }
        // the inbox of the other workspace cannot rate it either
        mvc.perform(post("/w/" + other.slug() + "/inbox/" + a.conversationId() + "/messages/" + answer.id()
                        + "/feedback").session(bob.session()).with(csrf()).param("value", "-1"))
                .andExpect(status().isNotFound());
        assertThat(reload(tenant, answer).feedback()).isNull();

        // while the workspace's own agent rates it from the inbox
        mvc.perform(post("/w/" + tenant.slug() + "/inbox/" + a.conversationId() + "/messages/" + answer.id()
                        + "/feedback").session(alice.session()).with(csrf()).param("value", "-1")
                        .param("reasons", "INCOMPLETE"))
                .andExpect(status().isOk());
        assertThat(reload(tenant, answer).feedbackReasons()).containsExactly(FeedbackReason.INCOMPLETE);
        // and once rated, the inbox does not overwrite it
        mvc.perform(post("/w/" + tenant.slug() + "/inbox/" + a.conversationId() + "/messages/" + answer.id()
                        + "/feedback").session(alice.session()).with(csrf()).param("value", "1"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value(containsString("write a correction")));
        assertThat(reload(tenant, answer).feedback()).isEqualTo(-1);
    }

    @Test
    void anAnswerKeepsWhatTheSearchFoundAndWhetherItWasHandedOff() throws Exception {
        UUID doc = knowledge.addText(tenant, "Returns policy", """
                # Returns
                You can return any item within 30 days of delivery for a full refund.
                """, Visibility.PUBLIC).documentId();
        await(() -> knowledge.document(tenant.id(), doc).document().latestStatus() == DocumentStatus.INDEXED);
        index.refresh();
        Session s = widgetSession(tenant);
        chat.ask(tenant.id(), s.conversationId(), "How many days do I have to return an item?");
        ChatMessage answer = awaitAnswer(tenant, s.conversationId(), 1);

        RetrievalTrace trace = chat.retrieval(tenant.id(), answer.id()).orElseThrow();
        assertThat(trace.query()).isNotBlank();
        assertThat(trace.passages()).isNotEmpty();
        RetrievalTrace.TracedPassage best = trace.passages().getFirst();
        assertThat(best.documentId()).isEqualTo(doc);
        assertThat(best.label()).contains("Returns policy");
        assertThat(best.visibility()).isEqualTo("PUBLIC");
        assertThat(best.relevance()).isPositive();
        assertThat(chat.retrieval(other.id(), answer.id())).isEmpty();
        assertThat(answer.handedOff()).isFalse();

        mvc.perform(post("/widget/api/handoff").header("X-Widget-Token", s.token())).andExpect(status().isOk());
        assertThat(reload(tenant, answer).handedOff()).isTrue();
    }

    @Test
    void theBeaconRecordsThatTheVisitorLeft() throws Exception {
        Session s = widgetSession(tenant);
        mvc.perform(post("/widget/api/left").param("token", s.token())).andExpect(status().isNoContent());
        assertThat(leftAt(s.conversationId())).isNotNull();
        mvc.perform(post("/widget/api/left").param("token", "forged." + s.token()))
                .andExpect(status().isUnauthorized());
    }

    private OffsetDateTime leftAt(UUID conversationId) {
        return dsl.select(CONVERSATIONS.VISITOR_LEFT_AT).from(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.id().value()), CONVERSATIONS.ID.eq(conversationId))
                .fetchOne(CONVERSATIONS.VISITOR_LEFT_AT);
    }

    @Test
    void theJobReadsSignalsOfQuietConversationsOnceAndLeavesFreshOnesAlone() {
        Conversation quiet = chat.start(tenant.id(), Channel.WIDGET, "visitor:quiet");
        chat.ask(tenant.id(), quiet.id(), "Can I bring my parrot to the shareholder meeting?");
        ChatMessage first = awaitAnswer(tenant, quiet.id(), 1);
        chat.ask(tenant.id(), quiet.id(), "thanks!");
        awaitAnswer(tenant, quiet.id(), 2);
        Conversation fresh = chat.start(tenant.id(), Channel.WIDGET, "visitor:fresh");
        chat.ask(tenant.id(), fresh.id(), "Can I bring my parrot to the shareholder meeting?");
        ChatMessage unread = awaitAnswer(tenant, fresh.id(), 1);
        // the quiet one's last activity was 20 minutes ago
        OffsetDateTime before = OffsetDateTime.now().minusMinutes(20).truncatedTo(ChronoUnit.MILLIS);
        dsl.update(CONVERSATIONS).set(CONVERSATIONS.UPDATED_AT, before)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.id().value()), CONVERSATIONS.ID.eq(quiet.id())).execute();

        readAllDue();

        ImplicitSignals signals = chat.implicitSignals(tenant.id(), first.id()).orElseThrow();
        assertThat(signals).isEqualTo(new ImplicitSignals(true, false, false, false, true));
        assertThat(score(first.id())).isEqualTo(1.0);
        assertThat(chat.implicitSignals(tenant.id(), unread.id())).isEmpty();
        assertThat(signalsAt(quiet.id())).isAtSameInstantAs(before);
        assertThat(signalsAt(fresh.id())).isNull();

        // read again: nothing is due, nothing changes
        dsl.update(MESSAGES).set(MESSAGES.IMPLICIT_SCORE, 0.42)
                .where(MESSAGES.TENANT_ID.eq(tenant.id().value()), MESSAGES.ID.eq(first.id())).execute();
        readAllDue();
        assertThat(score(first.id())).isEqualTo(0.42);
        assertThat(chat.implicitSignals(other.id(), first.id())).isEmpty();
    }

    private void readAllDue() {
        for (int i = 0; i < 50 && signalsJob.readDue(OffsetDateTime.now()) > 0; i++) {
            // a batch at a time, until no conversation is due
        }
    }

    private Double score(UUID messageId) {
        return dsl.select(MESSAGES.IMPLICIT_SCORE).from(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.id().value()), MESSAGES.ID.eq(messageId))
                .fetchOne(MESSAGES.IMPLICIT_SCORE);
    }

    private OffsetDateTime signalsAt(UUID conversationId) {
        return dsl.select(CONVERSATIONS.SIGNALS_AT).from(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.id().value()), CONVERSATIONS.ID.eq(conversationId))
                .fetchOne(CONVERSATIONS.SIGNALS_AT);
    }
}
