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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.frontline.db.analytics.Tables.CONVERSATION_DAYS;
import static com.frontline.db.analytics.Tables.QUESTION_DAYS;
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
