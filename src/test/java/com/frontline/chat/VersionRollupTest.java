package com.frontline.chat;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;
import static com.frontline.db.chat.Tables.VERSION_DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * An assistant version's figures over a long span read from the daily roll-up ({@code chat.version_days}, past days)
 * plus live (today, part-days, changed days) are those counted live day by day from the answers, for two workspaces
 * side by side, before the job ran, after it, after late changes to old answers and after it ran again; a hand-edited
 * roll-up row shows (the roll-up is really read).
 */
@IntegrationTest
class VersionRollupTest {

    static final List<Integer> VERSIONS = List.of(1, 2, 3);

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired DSLContext dsl;
    @Autowired TransactionTemplate tx;
    @Autowired VersionAnswerStats stats;
    @Autowired VersionStatsRepository repository;
    @Autowired FeedbackRollupJob job;
    @Autowired ChatService chat;

    TenantId a;
    TenantId b;
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    LocalDate today = now.toLocalDate();
    List<UUID> corrected = new ArrayList<>();

    @BeforeEach
    void twoWorkspacesWithHistory() throws Exception {
        a = accounts.workspace(accounts.signedIn(mvc, "alice"), "Versions Co").id();
        b = accounts.workspace(accounts.signedIn(mvc, "bob"), "Other Versions Co").id();
        seed(a, 300, new Random(21));
        seed(b, 120, new Random(22));
    }

    /**
     * Conversations over the last 60 days with one to four answers minutes to hours apart (some across midnight),
     * on versions 1–3, a few without a version (the playground) and a few evaluation runs.
     */
    void seed(TenantId tenant, int conversations, Random random) {
        for (int i = 0; i < conversations; i++) {
            UUID conversation = UUID.randomUUID();
            double kind = random.nextDouble();
            String channel = kind < 0.1 ? Channel.EVALUATION.name() : kind < 0.2 ? Channel.PLAYGROUND.name()
                    : Channel.WIDGET.name();
            Integer version = channel.equals(Channel.PLAYGROUND.name()) ? null : VERSIONS.get(random.nextInt(3));
            OffsetDateTime at = now.minusSeconds(120 + random.nextLong(60L * 24 * 3600));
            dsl.insertInto(CONVERSATIONS)
                    .set(CONVERSATIONS.TENANT_ID, tenant.value())
                    .set(CONVERSATIONS.ID, conversation)
                    .set(CONVERSATIONS.CHANNEL, channel)
                    .set(CONVERSATIONS.VISITOR_ID, "visitor:" + random.nextInt(40))
                    .set(CONVERSATIONS.CREATED_AT, at)
                    .set(CONVERSATIONS.UPDATED_AT, at)
                    .execute();
            int answers = 1 + random.nextInt(4);
            for (int n = 0; n < answers && at.isBefore(now); n++) {
                double r = random.nextDouble();
                UUID id = UUID.randomUUID();
                dsl.insertInto(MESSAGES)
                        .set(MESSAGES.TENANT_ID, tenant.value())
                        .set(MESSAGES.ID, id)
                        .set(MESSAGES.CONVERSATION_ID, conversation)
                        .set(MESSAGES.AUTHOR, Author.ASSISTANT.name())
                        .set(MESSAGES.AUTHOR_NAME, "Ava")
                        .set(MESSAGES.BODY, "An answer")
                        .set(MESSAGES.QUESTION, "A question")
                        .set(MESSAGES.ASSISTANT_VERSION, version)
                        .set(MESSAGES.LOW_CONFIDENCE, random.nextDouble() < 0.15)
                        .set(MESSAGES.HANDED_OFF, random.nextDouble() < 0.08)
                        .set(MESSAGES.FEEDBACK, r < 0.35 ? Short.valueOf((short) 1) : r < 0.5 ? (short) -1 : null)
                        .set(MESSAGES.IMPLICIT_SCORE, random.nextDouble() < 0.5 ? random.nextDouble() : null)
                        .set(MESSAGES.CREATED_AT, at)
                        .execute();
                if (random.nextDouble() < 0.05) {
                    corrected.add(id);
                }
                at = at.plusSeconds(60 + random.nextLong(6 * 3600));
            }
        }
    }

    @Test
    void rolledUpPlusLiveEqualsCountingEachDayLive() {
        everySpanMatchesLive();

        job.run();
        assertThat(dsl.fetchCount(VERSION_DAYS, VERSION_DAYS.TENANT_ID.eq(a.value()))).isGreaterThan(60);
        everySpanMatchesLive();

        // late changes to old answers of version 2: a rating, a handoff, an answer written in the past, a deletion
        UUID rated = pick(a, 20, "feedback is null");
        UUID handedOff = pick(a, 30, "not handed_off");
        UUID deleted = pick(a, 40, "true");
        Map<Integer, VersionAnswerStats.VersionAnswers> bBefore = stats.byVersionRolledUp(b, VERSIONS,
                midnight(today.minusDays(59)), now, corrected);
        tx.executeWithoutResult(s -> {
            chat.feedback(a, conversationOf(rated), rated, 1);
            dsl.update(MESSAGES).set(MESSAGES.HANDED_OFF, true).where(MESSAGES.ID.eq(handedOff)).execute();
            dsl.update(MESSAGES).set(MESSAGES.CREATED_AT, now.minusDays(12).minusHours(3))
                    .where(MESSAGES.ID.eq(pick(a, 25, "true"))).execute();
            dsl.deleteFrom(CONVERSATIONS).where(CONVERSATIONS.TENANT_ID.eq(a.value()),
                    CONVERSATIONS.ID.eq(conversationOf(deleted))).execute();
            everySpanMatchesLive();
        });
        assertSame(stats.byVersionRolledUp(b, VERSIONS, midnight(today.minusDays(59)), now, corrected), bBefore,
                "the other workspace");

        job.run();
        everySpanMatchesLive();
    }

    @Test
    void pastDaysAreReadFromTheRollUp() {
        job.run();
        LocalDate day = today.minusDays(10);
        OffsetDateTime from = midnight(today.minusDays(29));
        var before = stats.byVersionRolledUp(a, VERSIONS, from, now, List.of());
        int changed = dsl.update(VERSION_DAYS)
                .set(VERSION_DAYS.ANSWERS, VERSION_DAYS.ANSWERS.plus(1000))
                .where(VERSION_DAYS.TENANT_ID.eq(a.value()), VERSION_DAYS.DAY.eq(day),
                        VERSION_DAYS.ASSISTANT_VERSION.eq(2))
                .execute();
        assertThat(changed).isOne();
        var after = stats.byVersionRolledUp(a, VERSIONS, from, now, List.of());
        assertThat(after.get(2).answers()).isEqualTo(before.get(2).answers() + 1000);
        assertThat(after.get(1)).isEqualTo(before.get(1));
        assertSame(stats.byVersionRolledUp(b, VERSIONS, from, now, List.of()), liveByDay(b, from, now, List.of()),
                "the other workspace");
    }

    /**
     * In one repeatable-read snapshot: the app's background jobs (implicit signals) may score an answer between the
     * read and its reference otherwise.
     */
    void everySpanMatchesLive() {
        TransactionTemplate snapshot = new TransactionTemplate(tx.getTransactionManager());
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.executeWithoutResult(s -> everySpanMatchesLiveNow());
    }

    void everySpanMatchesLiveNow() {
        List<OffsetDateTime[]> spans = List.of(
                new OffsetDateTime[]{midnight(today.minusDays(59)), now},
                new OffsetDateTime[]{now.minusDays(30).plusHours(5), now},
                new OffsetDateTime[]{now.minusDays(45).plusMinutes(7), now.minusDays(3).minusHours(7)},
                new OffsetDateTime[]{now.minusHours(5), now});
        for (TenantId tenant : List.of(a, b)) {
            for (OffsetDateTime[] s : spans) {
                String what = tenant + " " + s[0] + ".." + s[1];
                assertSame(stats.byVersionRolledUp(tenant, VERSIONS, s[0], s[1], corrected),
                        liveByDay(tenant, s[0], s[1], corrected), what);
                assertThat(stats.dailyRatingsRolledUp(tenant, VERSIONS, s[0], s[1])).as(what)
                        .isEqualTo(liveRatingsByDay(tenant, s[0], s[1]));
            }
        }
    }

    static void assertSame(Map<Integer, VersionAnswerStats.VersionAnswers> read,
                           Map<Integer, VersionAnswerStats.VersionAnswers> live, String what) {
        assertThat(read.keySet()).as(what).isEqualTo(live.keySet());
        for (int v : live.keySet()) {
            assertThat(read.get(v)).as(what + " v" + v).usingRecursiveComparison().ignoringFields("implicitSum")
                    .isEqualTo(live.get(v));
            // summed in another order: equal up to rounding
            assertThat(read.get(v).implicitSum()).as(what + " v" + v).isCloseTo(live.get(v).implicitSum(),
                    within(1e-9));
        }
        assertThat(live.values()).as(what + ": something to compare")
                .anySatisfy(x -> assertThat(x.answers()).isPositive());
    }

    /** The reference: each UTC day (part-day at the ends) of the span counted live, added up. */
    Map<Integer, VersionAnswerStats.VersionAnswers> liveByDay(TenantId tenant, OffsetDateTime from,
                                                             OffsetDateTime to, List<UUID> corrected) {
        Map<Integer, VersionAnswerStats.VersionAnswers> sum = new LinkedHashMap<>();
        VERSIONS.forEach(v -> sum.put(v, VersionAnswerStats.VersionAnswers.none(v)));
        for (OffsetDateTime start = from; start.isBefore(to); ) {
            OffsetDateTime end = midnight(start.toLocalDate().plusDays(1));
            end = end.isAfter(to) ? to : end;
            repository.byVersion(tenant, VERSIONS, start, end, corrected, false)
                    .forEach((v, x) -> sum.merge(v, x, VersionAnswerStats.VersionAnswers::plus));
            start = end;
        }
        return sum;
    }

    List<VersionAnswerStats.BucketRatings> liveRatingsByDay(TenantId tenant, OffsetDateTime from, OffsetDateTime to) {
        return repository.ratings(tenant, VERSIONS, from, to, VersionAnswerStats.Bucket.DAY);
    }

    UUID pick(TenantId tenant, int daysAgo, String condition) {
        return dsl.select(MESSAGES.ID).from(MESSAGES).join(CONVERSATIONS)
                .on(CONVERSATIONS.TENANT_ID.eq(MESSAGES.TENANT_ID), CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID))
                .where(MESSAGES.TENANT_ID.eq(tenant.value()), MESSAGES.ASSISTANT_VERSION.eq(2),
                        CONVERSATIONS.CHANNEL.eq(Channel.WIDGET.name()),
                        MESSAGES.CREATED_AT.lt(now.minusDays(daysAgo)), org.jooq.impl.DSL.condition(condition))
                .orderBy(MESSAGES.CREATED_AT.desc())
                .limit(1)
                .fetchSingle(MESSAGES.ID);
    }

    UUID conversationOf(UUID message) {
        return dsl.select(MESSAGES.CONVERSATION_ID).from(MESSAGES).where(MESSAGES.ID.eq(message))
                .fetchSingle(MESSAGES.CONVERSATION_ID);
    }

    static OffsetDateTime midnight(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
