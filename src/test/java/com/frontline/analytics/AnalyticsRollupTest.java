package com.frontline.analytics;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.Channel;
import com.frontline.chat.ConversationFigures;
import com.frontline.chat.FeedbackReviewDay;
import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static com.frontline.db.analytics.Tables.CONVERSATION_DAYS;
import static com.frontline.db.analytics.Tables.QUESTION_DAYS;
import static com.frontline.db.analytics.Tables.QUESTION_WEEKS;
import static com.frontline.db.analytics.Tables.ROLLUP_STALE;
import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics figures read from the roll-up (past days) plus live (today, changed days) are those of the live
 * computation over the conversations, for 7, 30 and 90 days and both channels (and all), for two workspaces side by
 * side, before the job ran, after it, after late changes to old conversations, and after the job rolled those up
 * again; and deleting old transcripts (retention) leaves the rolled-up figures as they were.
 */
@IntegrationTest
class AnalyticsRollupTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired DSLContext dsl;
    @Autowired TransactionTemplate tx;
    @Autowired AnalyticsDays analyticsDays;
    @Autowired AnalyticsRollupRepository rollups;
    @Autowired AnalyticsRollupJob job;
    @Autowired ConversationFigures figures;

    AnalyticsFixture fixture;
    TenantId a;
    TenantId b;
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    LocalDate today = now.toLocalDate();

    @BeforeEach
    void twoWorkspacesWithHistory() throws Exception {
        fixture = new AnalyticsFixture(dsl);
        a = accounts.workspace(accounts.signedIn(mvc, "alice"), "Analytics Co").id();
        b = accounts.workspace(accounts.signedIn(mvc, "bob"), "Other Analytics Co").id();
        fixture.seed(a, 300, 100, now, new Random(21));
        fixture.seed(b, 120, 100, now, new Random(22));
    }

    @Test
    void rollUpPlusLiveEqualsTheLiveComputationBeforeAndAfterLateChanges() {
        everyPeriodAndChannelMatchesLive();

        job.run();
        LocalDate through = expectedCompleteThrough();
        assertThat(rollups.completeThrough(a)).contains(through);
        assertThat(rollups.completeThrough(b)).contains(through);
        assertThat(dsl.fetchCount(CONVERSATION_DAYS, CONVERSATION_DAYS.TENANT_ID.eq(a.value()))).isGreaterThan(50);
        assertThat(dsl.fetchCount(QUESTION_DAYS, QUESTION_DAYS.TENANT_ID.eq(a.value()))).isGreaterThan(50);
        assertThat(stale(a)).isEmpty();
        RollupPlan plan = analyticsDays.plan(a, Period.lastDays(today, 90));
        assertThat(plan.rolledUp()).hasSizeGreaterThanOrEqualTo(88);
        assertThat(plan.live()).hasSizeLessThanOrEqualTo(1);
        assertThat(weeksMinusDays()).as("weeks that differ from the sum of their days").isEmpty();
        everyPeriodAndChannelMatchesLive();
        // the normalised wordings are one question each: three wordings of the shipping question are one key
        assertThat(analyticsDays.questions(a, Period.lastDays(today, 90), null))
                .extracting(QuestionCount::key).contains("how long does shipping take", "do you deliver to norway")
                .doesNotHaveDuplicates()
                .hasSize(7);

        // late changes to old conversations, each in a past day the roll-up holds
        UUID handedOff = pick(a, 20, "handoff_at is not null");
        UUID open = pick(a, 30, "handoff_at is null and status = 'BOT'");
        UUID rated = pickAnswer(a, 40, "feedback is null");
        LocalDate inserted = today.minusDays(50);
        List<LocalDate> changed = List.of(startDay(a, handedOff), startDay(a, open), answerDay(a, rated), inserted);
        Map<LocalDate, DayFigures> bBefore = byDay(analyticsDays.days(b, Period.lastDays(today, 90), null));
        tx.executeWithoutResult(s -> {
            OffsetDateTime handoffAt = dsl.select(CONVERSATIONS.HANDOFF_AT).from(CONVERSATIONS)
                    .where(CONVERSATIONS.TENANT_ID.eq(a.value()), CONVERSATIONS.ID.eq(handedOff))
                    .fetchSingle(CONVERSATIONS.HANDOFF_AT);
            fixture.message(a, handedOff, "AGENT", "Late reply.", null, handoffAt.plusSeconds(45), false, null,
                    false, null);
            dsl.update(CONVERSATIONS).set(CONVERSATIONS.STATUS, "RESOLVED")
                    .where(CONVERSATIONS.TENANT_ID.eq(a.value()), CONVERSATIONS.ID.eq(open)).execute();
            dsl.update(MESSAGES).set(MESSAGES.FEEDBACK, (short) -1)
                    .where(MESSAGES.TENANT_ID.eq(a.value()), MESSAGES.ID.eq(rated)).execute();
            fixture.conversation(a, Channel.PLAYGROUND, inserted.atStartOfDay().atOffset(ZoneOffset.UTC)
                    .plusHours(9), new Random(5));
            // the changed days are marked and read live at once (before the job could run)
            assertThat(stale(a)).containsAll(changed);
            assertThat(analyticsDays.plan(a, Period.lastDays(today, 90)).rolledUp())
                    .doesNotContainAnyElementsOf(changed);
            everyPeriodAndChannelMatchesLive();
        });
        // another workspace's days are neither marked nor changed
        assertThat(stale(b)).isEmpty();
        assertThat(byDay(analyticsDays.days(b, Period.lastDays(today, 90), null))).isEqualTo(bBefore);

        job.run();
        assertThat(stale(a)).isEmpty();
        assertThat(analyticsDays.plan(a, Period.lastDays(today, 90)).rolledUp()).containsAll(changed);
        assertThat(weeksMinusDays()).as("weeks that differ from the sum of their days").isEmpty();
        everyPeriodAndChannelMatchesLive();
    }

    @Test
    void deletingOldTranscriptsKeepsTheRolledUpFiguresAndQuestions() {
        job.run();
        Period quarter = Period.lastDays(today, 90);
        List<Integer> conversationsBefore = analyticsDays.days(a, quarter, null).stream()
                .map(DayFigures::conversations).toList();
        List<Integer> messagesBefore = analyticsDays.days(a, quarter, null).stream()
                .map(DayFigures::customerMessages).toList();
        Map<String, Integer> questionsBefore = asked(analyticsDays.questions(a, quarter, null));
        OffsetDateTime cutoff = today.minusDays(30).atStartOfDay().atOffset(ZoneOffset.UTC);
        // what a retention job does: delete the conversations (and with them their messages) older than 30 days
        int deleted = dsl.deleteFrom(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(a.value()), CONVERSATIONS.CREATED_AT.lt(cutoff)).execute();
        assertThat(deleted).isGreaterThan(100);
        assertThat(stale(a)).as("deleting transcripts marks no day to be counted again").isEmpty();
        assertThat(analyticsDays.days(a, quarter, null).stream().map(DayFigures::conversations).toList())
                .isEqualTo(conversationsBefore);
        assertThat(analyticsDays.days(a, quarter, null).stream().map(DayFigures::customerMessages).toList())
                .isEqualTo(messagesBefore);
        assertThat(asked(analyticsDays.questions(a, quarter, null))).isEqualTo(questionsBefore);
        job.run();
        assertThat(analyticsDays.days(a, quarter, null).stream().map(DayFigures::conversations).toList())
                .isEqualTo(conversationsBefore);
        // the live computation no longer sees them: the roll-up is what remains
        assertThat(live(a, quarter, null).stream().mapToInt(DayFigures::conversations).sum())
                .isLessThan(conversationsBefore.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void theRollUpOfOneWorkspaceNeverTouchesAnother() {
        job.run();
        String aRows = dsl.selectFrom(CONVERSATION_DAYS).where(CONVERSATION_DAYS.TENANT_ID.eq(a.value()))
                .orderBy(CONVERSATION_DAYS.DAY, CONVERSATION_DAYS.CHANNEL).fetch().formatCSV();
        String aWeeks = dsl.selectFrom(QUESTION_WEEKS).where(QUESTION_WEEKS.TENANT_ID.eq(a.value()))
                .orderBy(QUESTION_WEEKS.WEEK, QUESTION_WEEKS.CHANNEL, QUESTION_WEEKS.QUESTION_KEY).fetch().formatCSV();
        LocalDate first = today.minusDays(120);
        LocalDate through = expectedCompleteThrough();
        tx.executeWithoutResult(s -> {
            rollups.lock(b);
            rollups.recompute(b, first, through);
        });
        assertThat(dsl.selectFrom(CONVERSATION_DAYS).where(CONVERSATION_DAYS.TENANT_ID.eq(a.value()))
                .orderBy(CONVERSATION_DAYS.DAY, CONVERSATION_DAYS.CHANNEL).fetch().formatCSV()).isEqualTo(aRows);
        assertThat(dsl.selectFrom(QUESTION_WEEKS).where(QUESTION_WEEKS.TENANT_ID.eq(a.value()))
                .orderBy(QUESTION_WEEKS.WEEK, QUESTION_WEEKS.CHANNEL, QUESTION_WEEKS.QUESTION_KEY).fetch().formatCSV())
                .isEqualTo(aWeeks);
        // B's figures are B's only: its totals equal its own live computation, not A's
        Period quarter = Period.lastDays(today, 90);
        assertThat(Totals.of(analyticsDays.days(b, quarter, null))).isEqualTo(Totals.of(live(b, quarter, null)));
        assertThat(Totals.of(analyticsDays.days(b, quarter, null)).conversations())
                .isLessThan(Totals.of(analyticsDays.days(a, quarter, null)).conversations());
        // a question only A asks is not among B's
        fixture.conversation(a, Channel.WIDGET, now.minusDays(3), new Random(99));
        assertThat(rollups.questions(b, first, through, null, java.util.Set.of()))
                .allSatisfy(q -> assertThat(AnalyticsFixture.QUESTIONS.stream().map(x -> x.toLowerCase()
                        .replaceAll("\\p{Punct}+", " ").replaceAll("\\s+", " ").strip())).contains(q.key()));
    }

    @Test
    void theWeeklyQuestionRowsAreTheSumOfTheDailyOnesAndWholeWeeksAreReadFromThem() {
        job.run();
        assertThat(weeksMinusDays()).as("weeks that differ from the sum of their days").isEmpty();
        assertThat(dsl.fetchCount(QUESTION_WEEKS, QUESTION_WEEKS.TENANT_ID.eq(a.value()))).isGreaterThan(20);
        // a week's rows are read for whole weeks: change one week's rows behind the job's back and the period's
        // questions show it (then put it back)
        Period quarter = Period.lastDays(today, 90);
        LocalDate monday = today.minusDays(40).with(java.time.DayOfWeek.MONDAY);
        Map<String, Integer> before = asked(analyticsDays.questions(a, quarter, null));
        tx.executeWithoutResult(s -> {
            dsl.update(QUESTION_WEEKS).set(QUESTION_WEEKS.ASKED, QUESTION_WEEKS.ASKED.plus(1000))
                    .where(QUESTION_WEEKS.TENANT_ID.eq(a.value()), QUESTION_WEEKS.WEEK.eq(monday)).execute();
            assertThat(asked(analyticsDays.questions(a, quarter, null))).isNotEqualTo(before);
            // B reads none of A's weeks
            assertThat(asked(analyticsDays.questions(b, quarter, null)))
                    .isEqualTo(asked(liveQuestions(b, quarter, null)));
            s.setRollbackOnly();
        });
        assertThat(asked(analyticsDays.questions(a, quarter, null))).isEqualTo(before);
        // the days of a week with a changed day are read from the daily rows and live, not from the week
        UUID rated = pickAnswer(a, 40, "feedback is null");
        LocalDate day = answerDay(a, rated);
        tx.executeWithoutResult(s -> {
            dsl.update(MESSAGES).set(MESSAGES.FEEDBACK, (short) -1)
                    .where(MESSAGES.TENANT_ID.eq(a.value()), MESSAGES.ID.eq(rated)).execute();
            dsl.update(QUESTION_WEEKS).set(QUESTION_WEEKS.ASKED, QUESTION_WEEKS.ASKED.plus(1000))
                    .where(QUESTION_WEEKS.TENANT_ID.eq(a.value()),
                           QUESTION_WEEKS.WEEK.eq(day.with(java.time.DayOfWeek.MONDAY))).execute();
            assertThat(byKey(analyticsDays.questions(a, quarter, null)))
                    .isEqualTo(byKey(liveQuestions(a, quarter, null)));
            s.setRollbackOnly();
        });
    }

    @Test
    void oneQuestionsConversationsAreThoseOfItsWordingsInTheWorkspaceAndPeriod() {
        job.run();
        Period month = Period.lastDays(today, 30);
        String key = "how long does shipping take";
        for (Channel channel : Arrays.asList(null, Channel.WIDGET)) {
            for (boolean unansweredOnly : List.of(false, true)) {
                List<ConversationFigures.AskedIn> asked = figures.askedIn(a, key, month.from(), month.to(), channel,
                        unansweredOnly, 1000);
                // every answer of A in the period whose question normalises to the key, newest first
                var expected = dsl.select(MESSAGES.CONVERSATION_ID, MESSAGES.CREATED_AT, MESSAGES.QUESTION)
                        .from(MESSAGES)
                        .join(CONVERSATIONS).on(CONVERSATIONS.TENANT_ID.eq(MESSAGES.TENANT_ID),
                                CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID))
                        .where(MESSAGES.TENANT_ID.eq(a.value()), MESSAGES.AUTHOR.eq("ASSISTANT"),
                                MESSAGES.QUESTION.isNotNull(), CONVERSATIONS.CHANNEL.ne("EVALUATION"),
                                channel == null ? org.jooq.impl.DSL.noCondition()
                                        : CONVERSATIONS.CHANNEL.eq(channel.name()),
                                unansweredOnly ? org.jooq.impl.DSL.condition(
                                        "messages.low_confidence or messages.feedback = -1 or messages.handed_off")
                                        : org.jooq.impl.DSL.noCondition(),
                                MESSAGES.CREATED_AT.ge(month.from()), MESSAGES.CREATED_AT.lt(month.to()))
                        .orderBy(MESSAGES.CREATED_AT.desc())
                        .fetch()
                        .stream()
                        .filter(r -> r.get(MESSAGES.QUESTION).toLowerCase().replaceAll("\\p{Punct}+", " ")
                                .replaceAll("\\s+", " ").strip().equals(key))
                        .map(r -> r.get(MESSAGES.CONVERSATION_ID) + "@" + r.get(MESSAGES.CREATED_AT).toInstant())
                        .toList();
                assertThat(expected).as("the fixture asks the question in the period").isNotEmpty();
                assertThat(asked.stream().map(x -> x.conversationId() + "@" + x.askedAt().toInstant()).toList())
                        .as(channel + ", unanswered only " + unansweredOnly).isEqualTo(expected);
            }
        }
        // the limit keeps the newest; B's conversations are B's only
        assertThat(figures.askedIn(a, key, month.from(), month.to(), null, false, 3)).hasSize(3);
        List<UUID> bConversations = dsl.select(CONVERSATIONS.ID).from(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(b.value())).fetch(CONVERSATIONS.ID);
        assertThat(figures.askedIn(b, key, month.from(), month.to(), null, false, 1000))
                .isNotEmpty()
                .allSatisfy(x -> assertThat(bConversations).contains(x.conversationId()));
    }

    @Test
    void theLiveFiguresCountEachConversationAsDefinedAndSeveralSpansAreTheirSum() {
        Period quarter = Period.lastDays(today, 90);
        OffsetDateTime clock = OffsetDateTime.now(ZoneOffset.UTC);
        // every conversation of A, counted one by one in Java from its rows
        Map<String, int[]> expected = new TreeMap<>();
        Map<String, List<Long>> seconds = new TreeMap<>();
        var messages = dsl.selectFrom(MESSAGES).where(MESSAGES.TENANT_ID.eq(a.value())).fetch();
        for (var c : dsl.selectFrom(CONVERSATIONS).where(CONVERSATIONS.TENANT_ID.eq(a.value()),
                CONVERSATIONS.CHANNEL.ne("EVALUATION"), CONVERSATIONS.CREATED_AT.ge(quarter.from()),
                CONVERSATIONS.CREATED_AT.lt(quarter.to())).fetch()) {
            String key = c.getCreatedAt().atZoneSameInstant(ZoneOffset.UTC).toLocalDate() + "|" + c.getChannel();
            var own = messages.stream().filter(m -> m.getConversationId().equals(c.getId())).toList();
            boolean answered = own.stream().anyMatch(m -> m.getAuthor().equals("ASSISTANT"));
            boolean person = own.stream().anyMatch(m -> m.getAuthor().equals("AGENT"));
            boolean ended = c.getStatus().equals("RESOLVED") || c.getVisitorLeftAt() != null
                    || (c.getStatus().equals("BOT") && c.getUpdatedAt().isBefore(clock.minusMinutes(30)));
            int[] counts = expected.computeIfAbsent(key, k -> new int[3]);
            counts[0]++;
            if (c.getHandoffAt() == null && ended && answered && !person) {
                counts[1]++;
            }
            if (c.getHandoffAt() != null) {
                counts[2]++;
                own.stream().filter(m -> m.getAuthor().equals("AGENT") && !m.getCreatedAt().isBefore(c.getHandoffAt()))
                        .map(m -> m.getCreatedAt()).min(java.util.Comparator.naturalOrder())
                        .ifPresent(first -> seconds.computeIfAbsent(key, k -> new ArrayList<>())
                                .add(Math.max(0L, java.time.Duration.between(c.getHandoffAt(), first).toSeconds())));
            }
        }
        assertThat(expected.values().stream().mapToInt(x -> x[1]).sum()).as("some resolved without a person")
                .isPositive();
        assertThat(seconds).as("some handoffs answered by a person").isNotEmpty();
        Map<String, int[]> actual = new TreeMap<>();
        Map<String, List<Long>> actualSeconds = new TreeMap<>();
        for (ConversationFigures.ConversationDay d : figures.conversationDays(a, quarter.from(), quarter.to())) {
            if (d.conversations() > 0) {
                String key = d.day() + "|" + d.channel();
                actual.put(key, new int[]{d.conversations(), d.deflected(), d.handoffs()});
                if (!d.responseSeconds().isEmpty()) {
                    actualSeconds.put(key, d.responseSeconds().stream().sorted().toList());
                }
            }
        }
        seconds.replaceAll((k, v) -> v.stream().sorted().toList());
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
        assertThat(actualSeconds).isEqualTo(seconds);

        // three spans apart, read at once, are what each span gives on its own
        List<ConversationFigures.Span> spans = List.of(
                new ConversationFigures.Span(day(today.minusDays(60)), day(today.minusDays(57))),
                new ConversationFigures.Span(day(today.minusDays(40)), day(today.minusDays(39))),
                new ConversationFigures.Span(day(today), day(today.plusDays(1))));
        List<String> one = new ArrayList<>();
        List<String> each = new ArrayList<>();
        List<String> questionsOne = new ArrayList<>();
        List<String> questionsEach = new ArrayList<>();
        figures.conversationDays(a, spans).forEach(d -> one.add(sorted(d)));
        figures.questionDays(a, spans).forEach(q -> questionsOne.add(q.toString()));
        for (ConversationFigures.Span span : spans) {
            figures.conversationDays(a, span.from(), span.to()).forEach(d -> each.add(sorted(d)));
            figures.questionDays(a, span.from(), span.to()).forEach(q -> questionsEach.add(q.toString()));
        }
        assertThat(one).isNotEmpty().containsExactlyInAnyOrderElementsOf(each);
        assertThat(questionsOne).isNotEmpty().containsExactlyInAnyOrderElementsOf(questionsEach);
    }

    /** A day's figures with its response times sorted: their order is the database's, and they only fill a histogram. */
    private static String sorted(ConversationFigures.ConversationDay d) {
        return new ConversationFigures.ConversationDay(d.day(), d.channel(), d.conversations(), d.customerMessages(),
                d.deflected(), d.handoffs(), d.responded(), d.responseSeconds().stream().sorted().toList()).toString();
    }

    static OffsetDateTime day(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The (workspace, week, channel, question) rows where the weekly roll-up and the sum of its days differ. */
    List<org.jooq.Record> weeksMinusDays() {
        return dsl.fetch("""
                (select tenant_id, week, channel, question_key, question, asked, unanswered, fallbacks, unhelpful,
                        handoffs
                   from analytics.question_weeks
                 except all
                 select tenant_id, date_trunc('week', day)::date, channel, question_key, min(question),
                        sum(asked)::int, sum(unanswered)::int, sum(fallbacks)::int, sum(unhelpful)::int,
                        sum(handoffs)::int
                   from analytics.question_days group by 1, 2, 3, 4)
                union all
                (select tenant_id, date_trunc('week', day)::date, channel, question_key, min(question),
                        sum(asked)::int, sum(unanswered)::int, sum(fallbacks)::int, sum(unhelpful)::int,
                        sum(handoffs)::int
                   from analytics.question_days group by 1, 2, 3, 4
                 except all
                 select tenant_id, week, channel, question_key, question, asked, unanswered, fallbacks, unhelpful,
                        handoffs
                   from analytics.question_weeks)""");
    }

    void everyPeriodAndChannelMatchesLive() {
        List<Period> periods = new ArrayList<>();
        for (int days : List.of(7, 30, 90)) {
            periods.add(Period.lastDays(today, days));
        }
        // custom ranges: edges in the middle of weeks, one ending before today, a single past day, one Monday to
        // Sunday week
        periods.add(new Period(today.minusDays(63), today.minusDays(20)));
        periods.add(new Period(today.minusDays(99), today.minusDays(1)));
        periods.add(new Period(today.minusDays(45), today.minusDays(45)));
        LocalDate monday = today.minusDays(30).with(java.time.DayOfWeek.MONDAY);
        periods.add(new Period(monday, monday.plusDays(6)));
        for (TenantId tenant : List.of(a, b)) {
            for (Period period : periods) {
                for (Channel channel : Arrays.asList(null, Channel.WIDGET, Channel.PLAYGROUND)) {
                    String what = tenant + ", " + period + ", " + channel;
                    assertThat(analyticsDays.days(tenant, period, channel)).as(what)
                            .isEqualTo(live(tenant, period, channel));
                    assertThat(byKey(analyticsDays.questions(tenant, period, channel))).as(what)
                            .isEqualTo(byKey(liveQuestions(tenant, period, channel)));
                }
            }
        }
    }

    /** The live computation of every day of the period, straight from the conversations. */
    List<DayFigures> live(TenantId tenant, Period period, @Nullable Channel channel) {
        TreeMap<LocalDate, DayFigures> byDay = new TreeMap<>();
        for (LocalDate d = period.first(); !d.isAfter(period.last()); d = d.plusDays(1)) {
            byDay.put(d, DayFigures.none(d));
        }
        for (ConversationFigures.ConversationDay d : figures.conversationDays(tenant, period.from(), period.to())) {
            if (channel == null || d.channel() == channel) {
                byDay.merge(d.day(), new DayFigures(d.day(), d.conversations(), d.customerMessages(), d.deflected(),
                        d.handoffs(), d.responded(), ResponseTimes.histogram(d.responseSeconds()), 0, 0, 0, 0, 0, 0),
                        DayFigures::plus);
            }
        }
        for (FeedbackReviewDay x : figures.answerDays(tenant, period.from(), period.to(), channel)) {
            byDay.merge(x.day(), new DayFigures(x.day(), 0, 0, 0, 0, 0, new int[0], x.answers(), x.rated(),
                    x.helpful(), x.fallbacks(), x.implicitCount(), x.implicitSum()), DayFigures::plus);
        }
        return new ArrayList<>(byDay.values());
    }

    List<QuestionCount> liveQuestions(TenantId tenant, Period period, @Nullable Channel channel) {
        Map<String, QuestionCount> byKey = new HashMap<>();
        for (ConversationFigures.QuestionDay q : figures.questionDays(tenant, period.from(), period.to())) {
            if (channel == null || q.channel() == channel) {
                byKey.merge(q.key(), new QuestionCount(q.key(), q.question(), q.asked(), q.unanswered(),
                        q.fallbacks(), q.unhelpful(), q.handoffs()), QuestionCount::plus);
            }
        }
        return new ArrayList<>(byKey.values());
    }

    static Map<String, QuestionCount> byKey(List<QuestionCount> questions) {
        Map<String, QuestionCount> m = new TreeMap<>();
        questions.forEach(q -> m.put(q.key(), q));
        return m;
    }

    static Map<String, Integer> asked(List<QuestionCount> questions) {
        Map<String, Integer> m = new TreeMap<>();
        questions.forEach(q -> m.put(q.key(), q.asked()));
        return m;
    }

    static Map<LocalDate, DayFigures> byDay(List<DayFigures> days) {
        Map<LocalDate, DayFigures> m = new TreeMap<>();
        days.forEach(d -> m.put(d.day(), d));
        return m;
    }

    List<LocalDate> stale(TenantId tenant) {
        return dsl.select(ROLLUP_STALE.DAY).from(ROLLUP_STALE).where(ROLLUP_STALE.TENANT_ID.eq(tenant.value()))
                .fetch(ROLLUP_STALE.DAY);
    }

    LocalDate expectedCompleteThrough() {
        return now.minusMinutes(10).toLocalDate().minusDays(1);
    }

    /** A conversation of the workspace started {@code daysAgo} or more days ago, matching a condition. */
    UUID pick(TenantId tenant, int daysAgo, String condition) {
        return dsl.select(CONVERSATIONS.ID).from(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()),
                        CONVERSATIONS.CHANNEL.ne("EVALUATION"),
                        CONVERSATIONS.CREATED_AT.lt(now.minusDays(daysAgo)),
                        org.jooq.impl.DSL.condition(condition))
                .orderBy(CONVERSATIONS.CREATED_AT.desc()).limit(1).fetchSingle(CONVERSATIONS.ID);
    }

    UUID pickAnswer(TenantId tenant, int daysAgo, String condition) {
        return dsl.select(MESSAGES.ID).from(MESSAGES)
                .join(CONVERSATIONS).on(CONVERSATIONS.TENANT_ID.eq(MESSAGES.TENANT_ID),
                        CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID))
                .where(MESSAGES.TENANT_ID.eq(tenant.value()), MESSAGES.AUTHOR.eq("ASSISTANT"),
                        CONVERSATIONS.CHANNEL.ne("EVALUATION"),
                        MESSAGES.CREATED_AT.lt(now.minusDays(daysAgo)), org.jooq.impl.DSL.condition(condition))
                .orderBy(MESSAGES.CREATED_AT.desc()).limit(1).fetchSingle(MESSAGES.ID);
    }

    LocalDate startDay(TenantId tenant, UUID conversation) {
        return dsl.select(CONVERSATIONS.CREATED_AT).from(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.ID.eq(conversation))
                .fetchSingle(CONVERSATIONS.CREATED_AT).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    LocalDate answerDay(TenantId tenant, UUID message) {
        return dsl.select(MESSAGES.CREATED_AT).from(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()), MESSAGES.ID.eq(message))
                .fetchSingle(MESSAGES.CREATED_AT).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }
}
