package com.frontline.analytics;

import com.frontline.chat.Channel;
import com.frontline.chat.ConversationFigures;
import com.frontline.shared.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Row2;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static com.frontline.db.analytics.Tables.CONVERSATION_DAYS;
import static com.frontline.db.analytics.Tables.QUESTION_DAYS;
import static com.frontline.db.analytics.Tables.QUESTION_WEEKS;
import static com.frontline.db.analytics.Tables.ROLLUP_STALE;
import static com.frontline.db.analytics.Tables.ROLLUP_STATE;

/**
 * The analytics daily roll-up ({@code analytics.conversation_days}, {@code analytics.question_days}): how far each
 * workspace is rolled up, which past days changed since (marked by triggers on the chat tables), the rolled-up
 * figures, and their recomputation from the chat module's live figures. Every statement is scoped to one workspace.
 */
@Repository
class AnalyticsRollupRepository {

    /** The first key of the advisory lock that lets one recomputation of a workspace run at a time ("anly"). */
    private static final int LOCK_CLASS = 0x616e6c79;

    private final DSLContext dsl;
    private final ConversationFigures figures;

    AnalyticsRollupRepository(DSLContext dsl, ConversationFigures figures) {
        this.dsl = dsl;
        this.figures = figures;
    }

    /** The last UTC day whose figures are all in the roll-up, if the workspace was rolled up at all. */
    Optional<LocalDate> completeThrough(TenantId tenant) {
        return dsl.select(ROLLUP_STATE.COMPLETE_THROUGH)
                .from(ROLLUP_STATE)
                .where(ROLLUP_STATE.TENANT_ID.eq(tenant.value()))
                .fetchOptional(ROLLUP_STATE.COMPLETE_THROUGH);
    }

    /** Every workspace's roll-up mark (the job compares them with the workspaces that have conversations). */
    Map<TenantId, LocalDate> completeThrough(List<TenantId> tenants) {
        Map<TenantId, LocalDate> result = new LinkedHashMap<>();
        // @formatter:off
        dsl.select(ROLLUP_STATE.TENANT_ID, ROLLUP_STATE.COMPLETE_THROUGH)
                .from(ROLLUP_STATE)
                .where(ROLLUP_STATE.TENANT_ID.in(tenants.stream().map(TenantId::value).toList()))
                .forEach(r -> result.put(TenantId.of(r.get(ROLLUP_STATE.TENANT_ID)),
                        r.get(ROLLUP_STATE.COMPLETE_THROUGH)));
        // @formatter:on
        return result;
    }

    /** The days in {@code [first, last]} whose conversations changed since they were rolled up. */
    Set<LocalDate> staleDays(TenantId tenant, LocalDate first, LocalDate last) {
        // @formatter:off
        return dsl.select(ROLLUP_STALE.DAY)
                .from(ROLLUP_STALE)
                .where(ROLLUP_STALE.TENANT_ID.eq(tenant.value()),
                       ROLLUP_STALE.DAY.between(first, last))
                .fetchSet(ROLLUP_STALE.DAY);
        // @formatter:on
    }

    /**
     * The rolled-up conversation figures of the days in {@code [first, last]}, one per day that had any, in the
     * channel given (null: all); the answers' figures are left at zero (they come from the chat module).
     */
    List<DayFigures> conversationDays(TenantId tenant, LocalDate first, LocalDate last, @Nullable Channel channel) {
        List<Condition> where = new ArrayList<>(List.of(
                CONVERSATION_DAYS.TENANT_ID.eq(tenant.value()),
                CONVERSATION_DAYS.DAY.between(first, last)));
        if (channel != null) {
            where.add(CONVERSATION_DAYS.CHANNEL.eq(channel.name()));
        }
        Map<LocalDate, DayFigures> byDay = new LinkedHashMap<>();
        // @formatter:off
        dsl.select(CONVERSATION_DAYS.DAY, CONVERSATION_DAYS.CONVERSATIONS, CONVERSATION_DAYS.CUSTOMER_MESSAGES,
                        CONVERSATION_DAYS.DEFLECTED, CONVERSATION_DAYS.HANDOFFS, CONVERSATION_DAYS.RESPONDED,
                        CONVERSATION_DAYS.RESPONSE_BUCKETS)
                .from(CONVERSATION_DAYS)
                .where(where)
                .orderBy(CONVERSATION_DAYS.DAY)
                .forEach(r -> {
                    LocalDate day = r.get(CONVERSATION_DAYS.DAY);
                    Integer[] stored = r.get(CONVERSATION_DAYS.RESPONSE_BUCKETS);
                    int[] buckets = new int[ResponseTimes.BUCKETS];
                    for (int i = 0; i < Math.min(buckets.length, stored.length); i++) {
                        buckets[i] = stored[i] == null ? 0 : stored[i];
                    }
                    DayFigures f = new DayFigures(day, r.get(CONVERSATION_DAYS.CONVERSATIONS),
                            r.get(CONVERSATION_DAYS.CUSTOMER_MESSAGES), r.get(CONVERSATION_DAYS.DEFLECTED),
                            r.get(CONVERSATION_DAYS.HANDOFFS), r.get(CONVERSATION_DAYS.RESPONDED), buckets,
                            0, 0, 0, 0, 0, 0);
                    byDay.merge(day, f, DayFigures::plus);
                });
        // @formatter:on
        return new ArrayList<>(byDay.values());
    }

    /**
     * The rolled-up questions of the days in {@code [first, last]} in the channel given (null: all), added up per
     * normalised wording, leaving out the days {@code skipped} (read live instead).
     */
    List<QuestionCount> questions(TenantId tenant, LocalDate first, LocalDate last, @Nullable Channel channel,
                                  Set<LocalDate> skipped) {
        List<Condition> where = new ArrayList<>(List.of(
                QUESTION_DAYS.TENANT_ID.eq(tenant.value()),
                QUESTION_DAYS.DAY.between(first, last)));
        if (!skipped.isEmpty()) {
            where.add(QUESTION_DAYS.DAY.notIn(skipped));
        }
        if (channel != null) {
            where.add(QUESTION_DAYS.CHANNEL.eq(channel.name()));
        }
        Field<Integer> asked = total(QUESTION_DAYS.ASKED, "asked");
        Field<Integer> unanswered = total(QUESTION_DAYS.UNANSWERED, "unanswered");
        Field<Integer> fallbacks = total(QUESTION_DAYS.FALLBACKS, "fallbacks");
        Field<Integer> unhelpful = total(QUESTION_DAYS.UNHELPFUL, "unhelpful");
        Field<Integer> handoffs = total(QUESTION_DAYS.HANDOFFS, "handoffs");
        Field<String> question = DSL.min(QUESTION_DAYS.QUESTION).as("question");
        // @formatter:off
        return dsl.select(QUESTION_DAYS.QUESTION_KEY, question, asked, unanswered, fallbacks, unhelpful, handoffs)
                .from(QUESTION_DAYS)
                .where(where)
                .groupBy(QUESTION_DAYS.QUESTION_KEY)
                .fetch(r -> new QuestionCount(r.get(QUESTION_DAYS.QUESTION_KEY), r.get(question), r.get(asked),
                        r.get(unanswered), r.get(fallbacks), r.get(unhelpful), r.get(handoffs)));
        // @formatter:on
    }

    /**
     * The rolled-up questions of the whole ISO weeks {@code weeks} (their Mondays, from
     * {@code analytics.question_weeks}) and of the single days {@code days} (from {@code analytics.question_days}),
     * in the channel given (null: all), added up per normalised wording in one query. The caller picks weeks whose
     * seven days are all rolled up and unchanged, and days outside those weeks: nothing is counted twice.
     */
    List<QuestionCount> questions(TenantId tenant, Collection<LocalDate> weeks, Collection<LocalDate> days,
                                  @Nullable Channel channel) {
        if (weeks.isEmpty() && days.isEmpty()) {
            return List.of();
        }
        List<Condition> weekWhere = new ArrayList<>(List.of(
                QUESTION_WEEKS.TENANT_ID.eq(tenant.value()),
                QUESTION_WEEKS.WEEK.in(weeks)));
        List<Condition> dayWhere = new ArrayList<>(List.of(
                QUESTION_DAYS.TENANT_ID.eq(tenant.value()),
                QUESTION_DAYS.DAY.in(days)));
        if (channel != null) {
            weekWhere.add(QUESTION_WEEKS.CHANNEL.eq(channel.name()));
            dayWhere.add(QUESTION_DAYS.CHANNEL.eq(channel.name()));
        }
        // @formatter:off
        var rows = dsl.select(QUESTION_WEEKS.QUESTION_KEY, QUESTION_WEEKS.QUESTION, QUESTION_WEEKS.ASKED,
                        QUESTION_WEEKS.UNANSWERED, QUESTION_WEEKS.FALLBACKS, QUESTION_WEEKS.UNHELPFUL,
                        QUESTION_WEEKS.HANDOFFS)
                .from(QUESTION_WEEKS)
                .where(weekWhere)
                .unionAll(
                    dsl.select(QUESTION_DAYS.QUESTION_KEY, QUESTION_DAYS.QUESTION, QUESTION_DAYS.ASKED,
                            QUESTION_DAYS.UNANSWERED, QUESTION_DAYS.FALLBACKS, QUESTION_DAYS.UNHELPFUL,
                            QUESTION_DAYS.HANDOFFS)
                    .from(QUESTION_DAYS)
                    .where(dayWhere))
                .asTable("q");
        Field<String> key = Objects.requireNonNull(rows.field(QUESTION_WEEKS.QUESTION_KEY));
        Field<String> question = DSL.min(Objects.requireNonNull(rows.field(QUESTION_WEEKS.QUESTION))).as("question");
        Field<Integer> asked = total(Objects.requireNonNull(rows.field(QUESTION_WEEKS.ASKED)), "asked");
        Field<Integer> unanswered = total(Objects.requireNonNull(rows.field(QUESTION_WEEKS.UNANSWERED)),
                "unanswered");
        Field<Integer> fallbacks = total(Objects.requireNonNull(rows.field(QUESTION_WEEKS.FALLBACKS)), "fallbacks");
        Field<Integer> unhelpful = total(Objects.requireNonNull(rows.field(QUESTION_WEEKS.UNHELPFUL)), "unhelpful");
        Field<Integer> handoffs = total(Objects.requireNonNull(rows.field(QUESTION_WEEKS.HANDOFFS)), "handoffs");
        return dsl.select(key, question, asked, unanswered, fallbacks, unhelpful, handoffs)
                .from(rows)
                .groupBy(key)
                .fetch(r -> new QuestionCount(r.get(key), r.get(question), r.get(asked), r.get(unanswered),
                        r.get(fallbacks), r.get(unhelpful), r.get(handoffs)));
        // @formatter:on
    }

    private static Field<Integer> total(Field<Integer> column, String name) {
        return DSL.sum(column).cast(SQLDataType.INTEGER).as(name);
    }

    /**
     * Waits until no other transaction rolls up the workspace, and keeps others waiting until this one ends (a
     * transaction-level advisory lock; two workspaces may share a lock, which only makes one wait).
     */
    void lock(TenantId tenant) {
        dsl.fetch("select pg_advisory_xact_lock(?, hashtext(?))", LOCK_CLASS, tenant.value().toString());
    }

    /**
     * Rolls the days {@code [first, last]} up again from the live figures, replacing what was there, and clears the
     * days' change marks that were there before: a mark set while this ran has a newer version and stays. Call within
     * a transaction, after {@link #lock}.
     *
     * @return the rows written
     */
    int recompute(TenantId tenant, LocalDate first, LocalDate last) {
        // @formatter:off
        Map<LocalDate, Long> marks = dsl.select(ROLLUP_STALE.DAY, ROLLUP_STALE.VERSION)
                .from(ROLLUP_STALE)
                .where(ROLLUP_STALE.TENANT_ID.eq(tenant.value()),
                       ROLLUP_STALE.DAY.between(first, last))
                .fetchMap(ROLLUP_STALE.DAY, ROLLUP_STALE.VERSION);
        dsl.deleteFrom(CONVERSATION_DAYS)
                .where(CONVERSATION_DAYS.TENANT_ID.eq(tenant.value()),
                       CONVERSATION_DAYS.DAY.between(first, last))
                .execute();
        dsl.deleteFrom(QUESTION_DAYS)
                .where(QUESTION_DAYS.TENANT_ID.eq(tenant.value()),
                       QUESTION_DAYS.DAY.between(first, last))
                .execute();
        OffsetDateTime from = start(first);
        OffsetDateTime to = start(last.plusDays(1));
        int written = 0;
        var conversations = dsl.insertInto(CONVERSATION_DAYS, CONVERSATION_DAYS.TENANT_ID, CONVERSATION_DAYS.DAY,
                CONVERSATION_DAYS.CHANNEL, CONVERSATION_DAYS.CONVERSATIONS, CONVERSATION_DAYS.CUSTOMER_MESSAGES,
                CONVERSATION_DAYS.DEFLECTED, CONVERSATION_DAYS.HANDOFFS, CONVERSATION_DAYS.RESPONDED,
                CONVERSATION_DAYS.RESPONSE_BUCKETS);
        boolean any = false;
        for (ConversationFigures.ConversationDay d : figures.conversationDays(tenant, from, to)) {
            Integer[] buckets = java.util.Arrays.stream(ResponseTimes.histogram(d.responseSeconds())).boxed()
                    .toArray(Integer[]::new);
            conversations = conversations.values(tenant.value(), d.day(), d.channel().name(), d.conversations(),
                    d.customerMessages(), d.deflected(), d.handoffs(), d.responded(), buckets);
            any = true;
        }
        if (any) {
            written += conversations.execute();
        }
        List<ConversationFigures.QuestionDay> asked = figures.questionDays(tenant, from, to);
        for (int i = 0; i < asked.size(); i += 1000) {
            var questions = dsl.insertInto(QUESTION_DAYS, QUESTION_DAYS.TENANT_ID, QUESTION_DAYS.DAY,
                    QUESTION_DAYS.CHANNEL, QUESTION_DAYS.QUESTION_KEY, QUESTION_DAYS.QUESTION, QUESTION_DAYS.ASKED,
                    QUESTION_DAYS.UNANSWERED, QUESTION_DAYS.FALLBACKS, QUESTION_DAYS.UNHELPFUL,
                    QUESTION_DAYS.HANDOFFS);
            for (ConversationFigures.QuestionDay q : asked.subList(i, Math.min(asked.size(), i + 1000))) {
                questions = questions.values(tenant.value(), q.day(), q.channel().name(), q.key(), q.question(),
                        q.asked(), q.unanswered(), q.fallbacks(), q.unhelpful(), q.handoffs());
            }
            written += questions.execute();
        }
        written += recomputeWeeks(tenant, first, last);
        if (!marks.isEmpty()) {
            List<Row2<LocalDate, Long>> seen = marks.entrySet().stream()
                    .map(e -> DSL.row(e.getKey(), e.getValue()))
                    .toList();
            dsl.deleteFrom(ROLLUP_STALE)
                    .where(ROLLUP_STALE.TENANT_ID.eq(tenant.value()),
                           DSL.row(ROLLUP_STALE.DAY, ROLLUP_STALE.VERSION).in(seen))
                    .execute();
        }
        // @formatter:on
        return written;
    }

    /**
     * Adds the weeks that the days {@code [first, last]} fall in up again from their daily question rows, so a week's
     * rows stay the sum of its days' (whichever of them are rolled up so far). Part of {@link #recompute}.
     */
    private int recomputeWeeks(TenantId tenant, LocalDate first, LocalDate last) {
        LocalDate firstWeek = monday(first);
        LocalDate lastWeek = monday(last);
        // @formatter:off
        dsl.deleteFrom(QUESTION_WEEKS)
                .where(QUESTION_WEEKS.TENANT_ID.eq(tenant.value()),
                       QUESTION_WEEKS.WEEK.between(firstWeek, lastWeek))
                .execute();
        Field<LocalDate> week = DSL.field("date_trunc('week', {0})::date", SQLDataType.LOCALDATE, QUESTION_DAYS.DAY);
        return dsl.insertInto(QUESTION_WEEKS, QUESTION_WEEKS.TENANT_ID, QUESTION_WEEKS.WEEK, QUESTION_WEEKS.CHANNEL,
                        QUESTION_WEEKS.QUESTION_KEY, QUESTION_WEEKS.QUESTION, QUESTION_WEEKS.ASKED,
                        QUESTION_WEEKS.UNANSWERED, QUESTION_WEEKS.FALLBACKS, QUESTION_WEEKS.UNHELPFUL,
                        QUESTION_WEEKS.HANDOFFS)
                .select(dsl.select(QUESTION_DAYS.TENANT_ID, week, QUESTION_DAYS.CHANNEL, QUESTION_DAYS.QUESTION_KEY,
                                DSL.min(QUESTION_DAYS.QUESTION), total(QUESTION_DAYS.ASKED, "asked"),
                                total(QUESTION_DAYS.UNANSWERED, "unanswered"),
                                total(QUESTION_DAYS.FALLBACKS, "fallbacks"),
                                total(QUESTION_DAYS.UNHELPFUL, "unhelpful"),
                                total(QUESTION_DAYS.HANDOFFS, "handoffs"))
                        .from(QUESTION_DAYS)
                        .where(QUESTION_DAYS.TENANT_ID.eq(tenant.value()),
                               QUESTION_DAYS.DAY.between(firstWeek, lastWeek.plusDays(6)))
                        .groupBy(QUESTION_DAYS.TENANT_ID, week, QUESTION_DAYS.CHANNEL, QUESTION_DAYS.QUESTION_KEY))
                .execute();
        // @formatter:on
    }

    /** The Monday of the ISO week of a day. */
    static LocalDate monday(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }

    /** Every day up to and including {@code day} is rolled up (the mark never moves back). */
    void completeThrough(TenantId tenant, LocalDate day) {
        // @formatter:off
        dsl.insertInto(ROLLUP_STATE)
                .set(ROLLUP_STATE.TENANT_ID, tenant.value())
                .set(ROLLUP_STATE.COMPLETE_THROUGH, day)
                .onConflict(ROLLUP_STATE.TENANT_ID)
                .doUpdate()
                .set(ROLLUP_STATE.COMPLETE_THROUGH,
                     DSL.greatest(ROLLUP_STATE.COMPLETE_THROUGH, DSL.excluded(ROLLUP_STATE.COMPLETE_THROUGH)))
                .execute();
        // @formatter:on
    }

    /** The database's clock: the triggers that mark changed days read it too, so the job uses it, not the app's. */
    OffsetDateTime databaseNow() {
        return dsl.select(DSL.currentOffsetDateTime()).fetchSingle(0, OffsetDateTime.class);
    }

    /** A past day of a workspace that changed after it was rolled up. */
    record StaleDay(TenantId tenant, LocalDate day) {
    }

    /** Up to {@code limit} changed days that the roll-up had already reached, by workspace and day. */
    List<StaleDay> staleDue(int limit) {
        // @formatter:off
        return dsl.select(ROLLUP_STALE.TENANT_ID, ROLLUP_STALE.DAY)
                .from(ROLLUP_STALE)
                .join(ROLLUP_STATE).on(ROLLUP_STATE.TENANT_ID.eq(ROLLUP_STALE.TENANT_ID))
                .where(ROLLUP_STALE.DAY.le(ROLLUP_STATE.COMPLETE_THROUGH))
                .orderBy(ROLLUP_STALE.TENANT_ID, ROLLUP_STALE.DAY)
                .limit(limit)
                .fetch(r -> new StaleDay(TenantId.of(r.get(ROLLUP_STALE.TENANT_ID)), r.get(ROLLUP_STALE.DAY)));
        // @formatter:on
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
