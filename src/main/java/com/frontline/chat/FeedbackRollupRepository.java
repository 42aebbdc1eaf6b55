package com.frontline.chat;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static com.frontline.db.chat.Tables.ANSWER_DAYS;
import static com.frontline.db.chat.Tables.ANSWER_DAYS_STALE;
import static com.frontline.db.chat.Tables.ANSWER_DAYS_STATE;
import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;

/**
 * The daily roll-up of the feedback review cards ({@code chat.answer_days}): how far each workspace is rolled up,
 * which past days changed since (marked by triggers on {@code chat.messages}), the rolled-up figures, and their
 * recomputation from the answers. Every statement but the two that find work for the job is scoped to one workspace.
 */
@Repository
class FeedbackRollupRepository {

    /** The first key of the advisory lock that lets one recomputation of a workspace run at a time ("chat"). */
    private static final int LOCK_CLASS = 0x63686174;

    private final DSLContext dsl;
    private final VersionStatsRepository versions;

    FeedbackRollupRepository(DSLContext dsl, VersionStatsRepository versions) {
        this.dsl = dsl;
        this.versions = versions;
    }

    /** The last UTC day whose figures are all in the roll-up, if the workspace was rolled up at all. */
    Optional<LocalDate> completeThrough(TenantId tenant) {
        return dsl.select(ANSWER_DAYS_STATE.COMPLETE_THROUGH)
                .from(ANSWER_DAYS_STATE)
                .where(ANSWER_DAYS_STATE.TENANT_ID.eq(tenant.value()))
                .fetchOptional(ANSWER_DAYS_STATE.COMPLETE_THROUGH);
    }

    /** The days in {@code [first, last]} whose answers changed since they were rolled up. */
    Set<LocalDate> staleDays(TenantId tenant, LocalDate first, LocalDate last) {
        // @formatter:off
        return dsl.select(ANSWER_DAYS_STALE.DAY)
                .from(ANSWER_DAYS_STALE)
                .where(ANSWER_DAYS_STALE.TENANT_ID.eq(tenant.value()),
                       ANSWER_DAYS_STALE.DAY.between(first, last))
                .fetchSet(ANSWER_DAYS_STALE.DAY);
        // @formatter:on
    }

    /**
     * The rolled-up figures of the days in {@code [first, last]}, one per day that had answers, oldest first, in the
     * channel and provider/model given (null: all).
     */
    List<FeedbackReviewDay> rolledUp(TenantId tenant, LocalDate first, LocalDate last, @Nullable Channel channel,
                                     FeedbackReviewFilter.@Nullable ProviderModel providerModel) {
        List<Condition> where = new ArrayList<>(List.of(
                ANSWER_DAYS.TENANT_ID.eq(tenant.value()),
                ANSWER_DAYS.DAY.between(first, last)));
        if (channel != null) {
            where.add(ANSWER_DAYS.CHANNEL.eq(channel.name()));
        }
        if (providerModel != null) {
            where.add(ANSWER_DAYS.PROVIDER.isNotDistinctFrom(providerModel.provider()));
            where.add(ANSWER_DAYS.MODEL.isNotDistinctFrom(providerModel.model()));
        }
        Field<Integer> answers = total(ANSWER_DAYS.ANSWERS, "answers");
        Field<Integer> rated = total(ANSWER_DAYS.RATED, "rated");
        Field<Integer> helpful = total(ANSWER_DAYS.HELPFUL, "helpful");
        Field<Integer> fallbacks = total(ANSWER_DAYS.FALLBACKS, "fallbacks");
        Field<Integer> handoffs = total(ANSWER_DAYS.HANDOFFS, "handoffs");
        Field<Integer> implicitCount = total(ANSWER_DAYS.IMPLICIT_COUNT, "implicit_count");
        Field<Double> implicitSum = DSL.sum(ANSWER_DAYS.IMPLICIT_SUM).cast(SQLDataType.DOUBLE).as("implicit_sum");
        // @formatter:off
        return dsl.select(ANSWER_DAYS.DAY, answers, rated, helpful, fallbacks, handoffs, implicitCount, implicitSum)
                .from(ANSWER_DAYS)
                .where(where)
                .groupBy(ANSWER_DAYS.DAY)
                .orderBy(ANSWER_DAYS.DAY)
                .fetch(r -> new FeedbackReviewDay(r.get(ANSWER_DAYS.DAY), r.get(answers), r.get(rated),
                        r.get(helpful), r.get(fallbacks), r.get(handoffs), r.get(implicitCount),
                        r.get(implicitSum)));
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
     * Rolls the days {@code [first, last]} up again from the answers, replacing what was there (a group with no
     * answers left disappears), and clears the days' change marks that were there before: a mark set while this ran
     * has a newer version and stays, so that day is rolled up again next time. Call within a transaction, after
     * {@link #lock}.
     *
     * @return the rows written
     */
    int recompute(TenantId tenant, LocalDate first, LocalDate last) {
        // @formatter:off
        Map<LocalDate, Long> marks = dsl.select(ANSWER_DAYS_STALE.DAY, ANSWER_DAYS_STALE.VERSION)
                .from(ANSWER_DAYS_STALE)
                .where(ANSWER_DAYS_STALE.TENANT_ID.eq(tenant.value()),
                       ANSWER_DAYS_STALE.DAY.between(first, last))
                .fetchMap(ANSWER_DAYS_STALE.DAY, ANSWER_DAYS_STALE.VERSION);
        dsl.deleteFrom(ANSWER_DAYS)
                .where(ANSWER_DAYS.TENANT_ID.eq(tenant.value()),
                       ANSWER_DAYS.DAY.between(first, last))
                .execute();
        Field<LocalDate> day = FeedbackReviewRepository.utcDay(MESSAGES.CREATED_AT);
        int written = dsl.insertInto(ANSWER_DAYS, ANSWER_DAYS.TENANT_ID, ANSWER_DAYS.DAY, ANSWER_DAYS.CHANNEL,
                        ANSWER_DAYS.PROVIDER, ANSWER_DAYS.MODEL, ANSWER_DAYS.ANSWERS, ANSWER_DAYS.RATED,
                        ANSWER_DAYS.HELPFUL, ANSWER_DAYS.FALLBACKS, ANSWER_DAYS.HANDOFFS, ANSWER_DAYS.IMPLICIT_COUNT,
                        ANSWER_DAYS.IMPLICIT_SUM)
                .select(DSL.select(MESSAGES.TENANT_ID, day, CONVERSATIONS.CHANNEL, MESSAGES.PROVIDER, MESSAGES.MODEL,
                                DSL.count(),
                                DSL.count().filterWhere(MESSAGES.FEEDBACK.isNotNull()),
                                DSL.count().filterWhere(MESSAGES.FEEDBACK.eq((short) 1)),
                                DSL.count().filterWhere(MESSAGES.LOW_CONFIDENCE),
                                DSL.count().filterWhere(MESSAGES.HANDED_OFF),
                                DSL.count(MESSAGES.IMPLICIT_SCORE),
                                DSL.coalesce(DSL.sum(MESSAGES.IMPLICIT_SCORE), DSL.inline(0))
                                        .cast(SQLDataType.DOUBLE))
                        .from(MESSAGES)
                        .join(CONVERSATIONS).on(CONVERSATIONS.TENANT_ID.eq(MESSAGES.TENANT_ID),
                                                CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID))
                        .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                               FeedbackReviewRepository.countedAnswer(),
                               MESSAGES.CREATED_AT.ge(start(first)),
                               MESSAGES.CREATED_AT.lt(start(last.plusDays(1))),
                               CONVERSATIONS.CHANNEL.ne(Channel.EVALUATION.name()))
                        .groupBy(MESSAGES.TENANT_ID, day, CONVERSATIONS.CHANNEL, MESSAGES.PROVIDER, MESSAGES.MODEL))
                .execute();
        // the assistant versions' roll-up shares the days, the change marks and the state
        written += versions.rollUp(tenant, first, last);
        if (!marks.isEmpty()) {
            List<Row2<LocalDate, Long>> seen = marks.entrySet().stream()
                    .map(e -> DSL.row(e.getKey(), e.getValue()))
                    .toList();
            dsl.deleteFrom(ANSWER_DAYS_STALE)
                    .where(ANSWER_DAYS_STALE.TENANT_ID.eq(tenant.value()),
                           DSL.row(ANSWER_DAYS_STALE.DAY, ANSWER_DAYS_STALE.VERSION).in(seen))
                    .execute();
        }
        // @formatter:on
        return written;
    }

    /** Every day up to and including {@code day} is rolled up (the mark never moves back). */
    void completeThrough(TenantId tenant, LocalDate day) {
        // @formatter:off
        dsl.insertInto(ANSWER_DAYS_STATE)
                .set(ANSWER_DAYS_STATE.TENANT_ID, tenant.value())
                .set(ANSWER_DAYS_STATE.COMPLETE_THROUGH, day)
                .onConflict(ANSWER_DAYS_STATE.TENANT_ID)
                .doUpdate()
                .set(ANSWER_DAYS_STATE.COMPLETE_THROUGH,
                     DSL.greatest(ANSWER_DAYS_STATE.COMPLETE_THROUGH, DSL.excluded(ANSWER_DAYS_STATE.COMPLETE_THROUGH)))
                .execute();
        // @formatter:on
    }

    /** The UTC day of the workspace's first answer, if it has any. */
    Optional<LocalDate> firstAnswerDay(TenantId tenant) {
        // @formatter:off
        OffsetDateTime first = dsl.select(DSL.min(MESSAGES.CREATED_AT))
                .from(MESSAGES)
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                       MESSAGES.AUTHOR.eq(Author.ASSISTANT.name()))
                .fetchOne(0, OffsetDateTime.class);
        // @formatter:on
        return Optional.ofNullable(first).map(t -> t.atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
    }

    /** The database's clock: the triggers that mark changed days read it too, so the job uses it, not the app's. */
    OffsetDateTime databaseNow() {
        return dsl.select(DSL.currentOffsetDateTime()).fetchSingle(0, OffsetDateTime.class);
    }

    /** A workspace with answers whose roll-up has not reached a day yet ({@code completeThrough} null: never run). */
    record Behind(TenantId tenant, @Nullable LocalDate completeThrough) {
    }

    /**
     * The workspaces with answers whose roll-up is not complete through {@code day}: one of the two reads across
     * workspaces, which finds work for the job (each workspace is then rolled up on its own). The workspaces are
     * found by skipping from one to the next along the answers' index, so the read costs a few index probes per
     * workspace, however many answers there are.
     */
    List<Behind> behind(LocalDate day) {
        return dsl.resultQuery("""
                        with recursive t (tenant_id) as (
                            (select tenant_id from chat.messages where author = 'ASSISTANT'
                              order by tenant_id limit 1)
                            union all
                            select (select m.tenant_id from chat.messages m
                                     where m.author = 'ASSISTANT' and m.tenant_id > t.tenant_id
                                     order by m.tenant_id limit 1)
                              from t
                             where t.tenant_id is not null)
                        select t.tenant_id, s.complete_through
                          from t
                          left join chat.answer_days_state s on s.tenant_id = t.tenant_id
                         where t.tenant_id is not null
                           and (s.complete_through is null or s.complete_through < ?)
                         order by t.tenant_id""", day)
                .fetch(r -> new Behind(TenantId.of(r.get(0, UUID.class)), r.get(1, LocalDate.class)));
    }

    /** A past day of a workspace that changed after it was rolled up. */
    record StaleDay(TenantId tenant, LocalDate day) {
    }

    /**
     * Up to {@code limit} changed days that the roll-up had already reached, by workspace and day: the other read
     * across workspaces (a changed day after the roll-up's mark is rolled up when the mark passes it).
     */
    List<StaleDay> staleDue(int limit) {
        // @formatter:off
        return dsl.select(ANSWER_DAYS_STALE.TENANT_ID, ANSWER_DAYS_STALE.DAY)
                .from(ANSWER_DAYS_STALE)
                .join(ANSWER_DAYS_STATE).on(ANSWER_DAYS_STATE.TENANT_ID.eq(ANSWER_DAYS_STALE.TENANT_ID))
                .where(ANSWER_DAYS_STALE.DAY.le(ANSWER_DAYS_STATE.COMPLETE_THROUGH))
                .orderBy(ANSWER_DAYS_STALE.TENANT_ID, ANSWER_DAYS_STALE.DAY)
                .limit(limit)
                .fetch(r -> new StaleDay(TenantId.of(r.get(ANSWER_DAYS_STALE.TENANT_ID)),
                        r.get(ANSWER_DAYS_STALE.DAY)));
        // @formatter:on
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
