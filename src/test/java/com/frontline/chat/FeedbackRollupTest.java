package com.frontline.chat;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.FeedbackReviewFilter.ProviderModel;
import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
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
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static com.frontline.chat.FeedbackReviewFixture.answer;
import static com.frontline.db.chat.Tables.ANSWER_DAYS;
import static com.frontline.db.chat.Tables.ANSWER_DAYS_STALE;
import static com.frontline.db.chat.Tables.ANSWER_DAYS_STATE;
import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The cards' daily figures read from the roll-up (past days) plus live (today, changed days) are those of the live
 * query over the answers, in every period, channel and provider/model, for two workspaces side by side, before and
 * after late changes to old answers (a rating, an implicit score, a handoff, an answer stored with a past time, a
 * deleted conversation), and after the job has rolled the changed days up again.
 */
@IntegrationTest
class FeedbackRollupTest {

    static final List<ProviderModel> MODELS = List.of(new ProviderModel("offline", "extractive"),
            new ProviderModel("openai", "gpt-4o-mini"), new ProviderModel(null, null),
            new ProviderModel(null, SmallTalk.MODEL), new ProviderModel("offline", Clarification.MODEL));

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired DSLContext dsl;
    @Autowired TransactionTemplate tx;
    @Autowired FeedbackReviewRepository reviews;
    @Autowired FeedbackRollupRepository rollups;
    @Autowired FeedbackReviewDays dailyFigures;
    @Autowired FeedbackReviewService reviewService;
    @Autowired FeedbackRollupJob job;
    @Autowired ChatService chat;
    @Autowired ConversationRepository conversations;

    FeedbackReviewFixture fixture;
    TenantId a;
    TenantId b;
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    LocalDate today = now.toLocalDate();

    @BeforeEach
    void twoWorkspacesWithHistory() throws Exception {
        fixture = new FeedbackReviewFixture(dsl);
        a = accounts.workspace(accounts.signedIn(mvc, "alice"), "Rollup Co").id();
        b = accounts.workspace(accounts.signedIn(mvc, "bob"), "Other Rollup Co").id();
        seed(a, 400, new Random(11));
        seed(b, 150, new Random(12));
    }

    /** Answers spread over the last 100 days with every kind of figure, channel and provider/model. */
    void seed(TenantId tenant, int n, Random random) {
        for (int i = 0; i < n; i++) {
            double c = random.nextDouble();
            Channel channel = c < 0.7 ? Channel.WIDGET : c < 0.9 ? Channel.PLAYGROUND : Channel.EVALUATION;
            double r = random.nextDouble();
            ProviderModel model = MODELS.get(random.nextInt(MODELS.size()));
            var answer = answer()
                    .at(now.minusSeconds(60 + random.nextLong(100L * 24 * 3600)))
                    .channel(channel)
                    .rating(r < 0.35 ? Integer.valueOf(1) : r < 0.5 ? Integer.valueOf(-1) : null)
                    .model(model.provider(), model.model());
            if (random.nextDouble() < 0.15) {
                answer.fellBack();
            }
            if (random.nextDouble() < 0.08) {
                answer.handedOff();
            }
            if (random.nextDouble() < 0.5) {
                answer.implicit(random.nextDouble(), "{}");
            }
            fixture.insert(tenant, answer);
        }
    }

    @Test
    void rollUpPlusLiveEqualsTheLiveQueryBeforeAndAfterLateChanges() {
        everyPeriodAndFilterMatchesLive();

        job.run();
        LocalDate through = expectedCompleteThrough();
        assertThat(rollups.completeThrough(a)).contains(through);
        assertThat(rollups.completeThrough(b)).contains(through);
        assertThat(dsl.fetchCount(ANSWER_DAYS, ANSWER_DAYS.TENANT_ID.eq(a.value()))).isGreaterThan(100);
        assertThat(staleThrough(a, through)).isEmpty();
        // a 90-day period and the one before now come from the roll-up, apart from the last day or two
        FeedbackRollupPlan plan = dailyFigures.plan(a, midnight(today.minusDays(179)), midnight(today.plusDays(1)));
        assertThat(plan.rolledUp()).hasSizeGreaterThanOrEqualTo(178);
        assertThat(plan.live()).hasSizeLessThanOrEqualTo(1);
        everyPeriodAndFilterMatchesLive();

        // late changes to old answers, each in a past day the roll-up holds
        UUID rated = pick(a, 20, "feedback is null");
        UUID scored = pick(a, 30, "implicit_score is null");
        UUID handedOff = pick(a, 45, "not handed_off");
        UUID deleted = pick(a, 60, "true");
        List<LocalDate> changed = List.of(dayOf(rated), dayOf(scored), dayOf(handedOff), dayOf(deleted),
                today.minusDays(50));
        FeedbackReviewDay ratedBefore = liveDay(a, dayOf(rated));
        List<FeedbackReviewDay> bBefore = reviews.days(b, midnight(today.minusDays(120)), midnight(today.plusDays(1)),
                null, null);
        tx.executeWithoutResult(s -> {
            chat.feedback(a, conversationOf(rated), rated, -1);
            conversations.setImplicitSignals(a, scored, new ImplicitSignals(true, false, false, false, true));
            conversations.markLastAnswerHandedOff(a, conversationOf(handedOff));
            fixture.insert(a, answer().at(midnight(today.minusDays(50)).plusHours(12)).rating(1)
                    .channel(Channel.PLAYGROUND));
            dsl.deleteFrom(CONVERSATIONS)
                    .where(CONVERSATIONS.TENANT_ID.eq(a.value()), CONVERSATIONS.ID.eq(conversationOf(deleted)))
                    .execute();
            // the changed days are marked and read live at once (in this transaction, before the job could run)
            assertThat(staleThrough(a, through)).containsAll(changed);
            assertThat(dailyFigures.plan(a, midnight(today.minusDays(89)), midnight(today.plusDays(1))).rolledUp())
                    .doesNotContainAnyElementsOf(changed);
            everyPeriodAndFilterMatchesLive();
        });
        assertThat(liveDay(a, dayOf(rated)).rated()).isEqualTo(ratedBefore.rated() + 1);
        // another workspace's days are neither marked nor changed
        assertThat(staleThrough(b, through)).isEmpty();
        assertThat(reviews.days(b, midnight(today.minusDays(120)), midnight(today.plusDays(1)), null, null))
                .usingRecursiveComparison().isEqualTo(bBefore);

        job.run();
        assertThat(staleThrough(a, through)).isEmpty();
        assertThat(dailyFigures.plan(a, midnight(today.minusDays(89)), midnight(today.plusDays(1))).rolledUp())
                .containsAll(changed.stream().filter(d -> !d.isAfter(through)).toList());
        everyPeriodAndFilterMatchesLive();
    }

    @Test
    void aRatingOnTheSameAnswerWithTheSameValueMarksNothing() {
        job.run();
        UUID up = pick(a, 10, "feedback = 1");
        assertThat(staleThrough(a, dayOf(up))).doesNotContain(dayOf(up));
        chat.feedback(a, conversationOf(up), up, 1); // a new time, the same rating
        assertThat(staleThrough(a, dayOf(up))).doesNotContain(dayOf(up));
        // in one transaction, so that the scheduled job cannot roll the day up between the rating and the check
        tx.executeWithoutResult(s -> {
            chat.feedback(a, conversationOf(up), up, -1);
            assertThat(staleThrough(a, dayOf(up))).contains(dayOf(up));
        });
    }

    @Test
    void thePastIsReadFromTheRollUpAndRollingUpAgainReplacesADayWhole() {
        job.run();
        LocalDate day = today.minusDays(10);
        OffsetDateTime from = midnight(today.minusDays(29));
        OffsetDateTime to = midnight(today.plusDays(1));
        FeedbackReviewDay live = liveDay(a, day);
        assertThat(live).isNotNull();
        // a figure changed behind the job's back shows: the day is read from the roll-up, not from the answers
        dsl.update(ANSWER_DAYS)
                .set(ANSWER_DAYS.ANSWERS, ANSWER_DAYS.ANSWERS.plus(1000))
                .where(ANSWER_DAYS.TENANT_ID.eq(a.value()), ANSWER_DAYS.DAY.eq(day))
                .execute();
        FeedbackReviewDay read = dailyFigures.days(a, from, to, null, null).stream()
                .filter(d -> d.day().equals(day)).findFirst().orElseThrow();
        assertThat(read.answers()).isGreaterThanOrEqualTo(live.answers() + 1000);
        assertThat(dailyFigures.days(b, from, to, null, null))
                .usingRecursiveComparison().isEqualTo(reviews.days(b, from, to, null, null));

        tx.executeWithoutResult(s -> {
            rollups.lock(a);
            rollups.recompute(a, day, day);
        });
        read = dailyFigures.days(a, from, to, null, null).stream()
                .filter(d -> d.day().equals(day)).findFirst().orElseThrow();
        assertThat(read).usingRecursiveComparison().isEqualTo(live);

        // rolling the whole history up again changes nothing
        List<?> rows = dsl.selectFrom(ANSWER_DAYS).where(ANSWER_DAYS.TENANT_ID.eq(a.value()))
                .orderBy(ANSWER_DAYS.DAY, ANSWER_DAYS.CHANNEL, ANSWER_DAYS.PROVIDER, ANSWER_DAYS.MODEL).fetch()
                .intoMaps();
        tx.executeWithoutResult(s -> rollups.recompute(a, today.minusDays(120), expectedCompleteThrough()));
        assertThat(dsl.selectFrom(ANSWER_DAYS).where(ANSWER_DAYS.TENANT_ID.eq(a.value()))
                .orderBy(ANSWER_DAYS.DAY, ANSWER_DAYS.CHANNEL, ANSWER_DAYS.PROVIDER, ANSWER_DAYS.MODEL).fetch()
                .intoMaps()).isEqualTo(rows);
    }

    @Test
    void theCardsShowTheFiguresOfTheAnswers() {
        job.run();
        FeedbackReviewFilter month = FeedbackReviewFilter.period(midnight(today.minusDays(29)),
                midnight(today.plusDays(1)));
        List<FeedbackReviewDay> live = reviews.days(a, month.from(), month.to(), null, null);
        int helpful = live.stream().mapToInt(FeedbackReviewDay::helpful).sum();
        int rated = live.stream().mapToInt(FeedbackReviewDay::rated).sum();
        int answers = live.stream().mapToInt(FeedbackReviewDay::answers).sum();
        List<FeedbackReviewCard> cards = reviewService.cards(a, month);
        assertThat(cards.get(0).value()).isCloseTo((double) helpful / rated, within(1e-12));
        assertThat(cards.get(1).value()).isCloseTo((double) rated / answers, within(1e-12));
        assertThat(cards.get(1).basis()).isEqualTo(rated + " of " + answers + " answers");
    }

    @Test
    void theRollUpOfOneWorkspaceNeverTouchesAnother() throws Exception {
        job.run();
        TenantId empty = accounts.workspace(accounts.signedIn(mvc, "carol"), "Empty Co").id();
        LocalDate first = today.minusDays(120);
        LocalDate through = expectedCompleteThrough();
        List<?> aRows = dsl.selectFrom(ANSWER_DAYS).where(ANSWER_DAYS.TENANT_ID.eq(a.value()))
                .orderBy(ANSWER_DAYS.DAY, ANSWER_DAYS.CHANNEL, ANSWER_DAYS.PROVIDER, ANSWER_DAYS.MODEL).fetch()
                .intoMaps();
        UUID up = pick(a, 15, "feedback = 1");
        // in one transaction, so that the scheduled job cannot roll A's changed day up while this runs
        tx.executeWithoutResult(s -> {
            chat.feedback(a, conversationOf(up), up, -1);

            assertThat(rollups.completeThrough(empty)).isEmpty();
            assertThat(rollups.rolledUp(empty, first, through, null, null)).isEmpty();
            assertThat(rollups.staleDays(empty, first, through)).isEmpty();
            assertThat(rollups.staleDays(b, first, through)).isEmpty();
            assertThat(rollups.firstAnswerDay(empty)).isEmpty();
            assertThat(rollups.recompute(empty, first, through)).isZero();
            rollups.recompute(b, first, through);
            rollups.completeThrough(empty, through);

            // A's rows and its changed day are as they were
            assertThat(dsl.selectFrom(ANSWER_DAYS).where(ANSWER_DAYS.TENANT_ID.eq(a.value()))
                    .orderBy(ANSWER_DAYS.DAY, ANSWER_DAYS.CHANNEL, ANSWER_DAYS.PROVIDER, ANSWER_DAYS.MODEL).fetch()
                    .intoMaps()).isEqualTo(aRows);
            assertThat(rollups.staleDays(a, first, through)).contains(dayOf(up));
            assertThat(rollups.completeThrough(a)).contains(through);
            assertThat(dsl.fetchCount(ANSWER_DAYS_STATE, ANSWER_DAYS_STATE.TENANT_ID.eq(empty.value()))).isOne();
            assertThat(dailyFigures.days(empty, midnight(first), midnight(today.plusDays(1)), null, null)).isEmpty();
            assertThat(rollups.behind(through)).extracting(FeedbackRollupRepository.Behind::tenant)
                    .doesNotContain(a, b, empty);
        });
    }

    /**
     * Every period, both aligned to UTC days and not, with each channel and provider/model filter; in one
     * repeatable-read snapshot, as the app's background job reading implicit signals may re-score an answer between a
     * read and its reference otherwise.
     */
    void everyPeriodAndFilterMatchesLive() {
        TransactionTemplate snapshot = new TransactionTemplate(tx.getTransactionManager());
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.executeWithoutResult(s -> everyPeriodAndFilterMatchesLiveNow());
    }

    void everyPeriodAndFilterMatchesLiveNow() {
        List<OffsetDateTime[]> periods = new ArrayList<>();
        for (int n : new int[]{7, 30, 90}) {
            // the cards read the period and the one before it in one go
            periods.add(new OffsetDateTime[]{midnight(today.minusDays(2L * n - 1)), midnight(today.plusDays(1))});
            periods.add(new OffsetDateTime[]{now.minusDays(2L * n), now.plusMinutes(1)});
        }
        periods.add(new OffsetDateTime[]{now.minusDays(70).plusHours(5), now.minusDays(3).minusHours(7)});
        List<@Nullable Channel> channels = Arrays.asList(null, Channel.WIDGET, Channel.PLAYGROUND);
        List<@Nullable ProviderModel> models = new ArrayList<>(MODELS);
        models.add(null);
        for (TenantId tenant : List.of(a, b)) {
            for (OffsetDateTime[] p : periods) {
                for (Channel channel : channels) {
                    for (ProviderModel model : models) {
                        assertSameFigures(dailyFigures.days(tenant, p[0], p[1], channel, model),
                                reviews.days(tenant, p[0], p[1], channel, model),
                                tenant + " " + p[0] + ".." + p[1] + " " + channel + " " + model);
                    }
                }
            }
        }
    }

    static void assertSameFigures(List<FeedbackReviewDay> read, List<FeedbackReviewDay> live, String what) {
        assertThat(read).as(what).extracting(FeedbackReviewDay::day)
                .containsExactlyElementsOf(live.stream().map(FeedbackReviewDay::day).toList());
        for (int i = 0; i < live.size(); i++) {
            FeedbackReviewDay r = read.get(i);
            FeedbackReviewDay l = live.get(i);
            assertThat(r).as(what + " " + l.day()).usingRecursiveComparison().ignoringFields("implicitSum")
                    .isEqualTo(l);
            // summed in another order: equal up to rounding
            assertThat(r.implicitSum()).as(what + " " + l.day()).isCloseTo(l.implicitSum(), within(1e-9));
        }
    }

    LocalDate expectedCompleteThrough() {
        OffsetDateTime dbNow = rollups.databaseNow();
        return dbNow.minusMinutes(10).atZoneSameInstant(ZoneOffset.UTC).toLocalDate().minusDays(1);
    }

    List<LocalDate> staleThrough(TenantId tenant, LocalDate through) {
        return dsl.select(ANSWER_DAYS_STALE.DAY).from(ANSWER_DAYS_STALE)
                .where(ANSWER_DAYS_STALE.TENANT_ID.eq(tenant.value()), ANSWER_DAYS_STALE.DAY.le(through))
                .fetch(ANSWER_DAYS_STALE.DAY);
    }

    /** A counted answer (widget or playground, not small talk) of the workspace about {@code daysAgo} days ago. */
    UUID pick(TenantId tenant, int daysAgo, String condition) {
        return dsl.select(MESSAGES.ID).from(MESSAGES).join(CONVERSATIONS)
                .on(CONVERSATIONS.TENANT_ID.eq(MESSAGES.TENANT_ID), CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID))
                .where(MESSAGES.TENANT_ID.eq(tenant.value()), FeedbackReviewRepository.countedAnswer(),
                        CONVERSATIONS.CHANNEL.ne(Channel.EVALUATION.name()),
                        MESSAGES.CREATED_AT.lt(now.minusDays(daysAgo)), org.jooq.impl.DSL.condition(condition))
                .orderBy(MESSAGES.CREATED_AT.desc())
                .limit(1)
                .fetchSingle(MESSAGES.ID);
    }

    UUID conversationOf(UUID message) {
        return dsl.select(MESSAGES.CONVERSATION_ID).from(MESSAGES).where(MESSAGES.ID.eq(message))
                .fetchSingle(MESSAGES.CONVERSATION_ID);
    }

    LocalDate dayOf(UUID message) {
        return dsl.select(MESSAGES.CREATED_AT).from(MESSAGES).where(MESSAGES.ID.eq(message))
                .fetchSingle(MESSAGES.CREATED_AT).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    @Nullable FeedbackReviewDay liveDay(TenantId tenant, LocalDate day) {
        return reviews.days(tenant, midnight(day), midnight(day.plusDays(1)), null, null).stream().findFirst()
                .orElse(null);
    }

    static OffsetDateTime midnight(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
