package com.frontline.chat;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.privacy.PrivacyService;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.TenantId;
import com.frontline.shared.privacy.ConversationsErased;
import com.frontline.tenants.Workspace;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static com.frontline.chat.FeedbackReviewFixture.answer;
import static com.frontline.db.chat.Tables.ANSWER_DAYS;
import static com.frontline.db.chat.Tables.ANSWER_DAYS_STALE;
import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention (privacy) deletes a workspace's transcripts past its period, in batches, and the daily roll-up keeps
 * its past figures: the deletes mark no day stale, and rolling up again changes nothing. Recent conversations and the
 * other workspace are untouched. Lives beside the roll-up job, which it runs.
 */
@IntegrationTest
@RecordApplicationEvents
class RetentionKeepsRollupTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired DSLContext dsl;
    @Autowired FeedbackRollupJob job;
    @Autowired PrivacyService privacy;
    @Autowired ApplicationEvents events;

    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    CurrentTenant a;
    TenantId b;
    List<UUID> oldInA = new ArrayList<>();
    List<UUID> newInA = new ArrayList<>();

    @BeforeEach
    void twoWorkspacesWithOldAndNewConversations() throws Exception {
        TestAccounts.Account alice = accounts.signedIn(mvc, "alice");
        Workspace wa = accounts.workspace(alice, "Retention Co");
        a = accounts.asMember(alice, wa);
        b = accounts.workspace(accounts.signedIn(mvc, "bob"), "Keeps Everything Co").id();
        FeedbackReviewFixture fixture = new FeedbackReviewFixture(dsl);
        // 250 conversations 40 to 90 days old (more than one batch of 200), 30 from the last 20 days
        for (int i = 0; i < 250; i++) {
            OffsetDateTime at = now.minusDays(40 + i % 50).minusMinutes(i);
            oldInA.add(conversationOf(fixture.insert(a.id(), answer().at(at).rating(i % 3 == 0 ? 1 : -1)
                    .comment("call me on +44 20 7946 0958"))));
            fixture.insert(b, answer().at(at).rating(1));
        }
        for (int i = 0; i < 30; i++) {
            OffsetDateTime at = now.minusDays(1 + i % 20).minusMinutes(i);
            newInA.add(conversationOf(fixture.insert(a.id(), answer().at(at).rating(1))));
            fixture.insert(b, answer().at(at));
        }
    }

    private UUID conversationOf(UUID message) {
        return dsl.select(MESSAGES.CONVERSATION_ID).from(MESSAGES).where(MESSAGES.ID.eq(message))
                .fetchOne(MESSAGES.CONVERSATION_ID);
    }

    @Test
    void oldTranscriptsGoNewOnesStayAndTheDailyFiguresDoNotChange() {
        job.run();
        List<List<Object>> figuresA = figures(a.id());
        List<List<Object>> figuresB = figures(b);
        assertThat(figuresA).isNotEmpty();
        int conversationsInB = dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.TENANT_ID.eq(b.value()));
        int messagesInB = dsl.fetchCount(MESSAGES, MESSAGES.TENANT_ID.eq(b.value()));

        // no period: nothing happens
        assertThat(privacy.applyRetention(a.id()).conversations()).isZero();

        privacy.updateRetention(a, "30");
        events.clear();
        PrivacyService.RetentionRun run = privacy.applyRetention(a.id());

        assertThat(run.conversations()).isEqualTo(250);
        assertThat(run.messages()).isEqualTo(500);
        assertThat(run.batches()).isEqualTo(2);
        assertThat(dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.TENANT_ID.eq(a.id().value())
                .and(CONVERSATIONS.ID.in(oldInA)))).isZero();
        assertThat(dsl.fetchCount(MESSAGES, MESSAGES.TENANT_ID.eq(a.id().value())
                .and(MESSAGES.CONVERSATION_ID.in(oldInA)))).isZero();
        assertThat(dsl.select(CONVERSATIONS.ID).from(CONVERSATIONS).where(CONVERSATIONS.TENANT_ID.eq(a.id().value()))
                .fetch(CONVERSATIONS.ID)).containsExactlyInAnyOrderElementsOf(newInA);
        assertThat(events.stream(ConversationsErased.class).flatMap(e -> e.conversationIds().stream()))
                .containsExactlyInAnyOrderElementsOf(oldInA);

        // the roll-up: no day marked changed, and rolling up again gives the same figures
        assertThat(dsl.fetchCount(ANSWER_DAYS_STALE, ANSWER_DAYS_STALE.TENANT_ID.eq(a.id().value()))).isZero();
        job.run();
        assertThat(figures(a.id())).isEqualTo(figuresA);
        // the other workspace keeps everything
        assertThat(figures(b)).isEqualTo(figuresB);
        assertThat(dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.TENANT_ID.eq(b.value()))).isEqualTo(conversationsInB);
        assertThat(dsl.fetchCount(MESSAGES, MESSAGES.TENANT_ID.eq(b.value()))).isEqualTo(messagesInB);

        // idempotent: a second run finds nothing
        assertThat(privacy.applyRetention(a.id()).conversations()).isZero();
        // the job's pass over every workspace leaves the workspace without a period alone
        privacy.applyRetentionEverywhere();
        assertThat(dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.TENANT_ID.eq(b.value()))).isEqualTo(conversationsInB);
        assertThat(privacy.recentErasures(a.id())).hasSize(2)
                .allSatisfy(e -> assertThat(e.pending()).isFalse());
    }

    @Test
    void aPlainDeleteStillMarksItsDaySoOnlyRetentionKeepsHistory() {
        job.run();
        UUID old = oldInA.getFirst();
        dsl.deleteFrom(CONVERSATIONS).where(CONVERSATIONS.TENANT_ID.eq(a.id().value()), CONVERSATIONS.ID.eq(old))
                .execute();
        assertThat(dsl.fetchCount(ANSWER_DAYS_STALE, ANSWER_DAYS_STALE.TENANT_ID.eq(a.id().value()))).isEqualTo(1);
    }

    /** The workspace's daily rows, every figure, in a fixed order. */
    private List<List<Object>> figures(TenantId tenant) {
        return dsl.select(ANSWER_DAYS.DAY, ANSWER_DAYS.CHANNEL, ANSWER_DAYS.PROVIDER, ANSWER_DAYS.MODEL,
                        ANSWER_DAYS.ANSWERS, ANSWER_DAYS.RATED, ANSWER_DAYS.HELPFUL, ANSWER_DAYS.FALLBACKS,
                        ANSWER_DAYS.HANDOFFS, ANSWER_DAYS.IMPLICIT_COUNT, ANSWER_DAYS.IMPLICIT_SUM)
                .from(ANSWER_DAYS).where(ANSWER_DAYS.TENANT_ID.eq(tenant.value()))
                .orderBy(ANSWER_DAYS.DAY, ANSWER_DAYS.CHANNEL, ANSWER_DAYS.PROVIDER, ANSWER_DAYS.MODEL)
                .fetch().map(r -> Arrays.asList(r.intoArray()));
    }
}
