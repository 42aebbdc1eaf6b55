package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;
import static com.frontline.db.chat.Tables.VERSION_DAYS;
import static org.jooq.impl.DSL.boolOr;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;

/**
 * The per-version answer counts of {@link VersionAnswerStats}: widget answers of the asked versions in a span, read
 * through {@code messages_tenant_version_time_idx} (tenant, version, time); evaluation conversations are left out by
 * the partial index of their ids.
 */
@Repository
class VersionStatsRepository {

    private final DSLContext dsl;

    VersionStatsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Map<Integer, VersionAnswerStats.VersionAnswers> byVersion(TenantId tenant, Collection<Integer> versions,
                                                              OffsetDateTime from, OffsetDateTime to,
                                                              Collection<UUID> corrected, boolean countVisitors) {
        return byVersion(tenant, versions, from, to, corrected, countVisitors, false);
    }

    /**
     * @param perDay count a conversation once per UTC day it was answered on (as the daily roll-up does) rather than
     *               once over the span
     */
    Map<Integer, VersionAnswerStats.VersionAnswers> byVersion(TenantId tenant, Collection<Integer> versions,
                                                              OffsetDateTime from, OffsetDateTime to,
                                                              Collection<UUID> corrected, boolean countVisitors,
                                                              boolean perDay) {
        Map<Integer, VersionAnswerStats.VersionAnswers> result = new LinkedHashMap<>();
        versions.forEach(v -> result.put(v, VersionAnswerStats.VersionAnswers.none(v)));
        if (versions.isEmpty()) {
            return result;
        }
        UUID[] correctedIds = corrected.toArray(UUID[]::new);
        if (countVisitors) {
            // a dashboard's span may hold a month of answers: aggregate them in memory rather than on disk
            dsl.execute("set local work_mem = '64MB'");
        }
        // first per conversation (one sort or hash of the span's answers), then per version: conversations,
        // handoffs and visitors are counted once per conversation instead of three distinct counts over answers
        Field<Integer> v = MESSAGES.ASSISTANT_VERSION.as("v");
        Field<UUID> c = MESSAGES.CONVERSATION_ID.as("c");
        PerConversation per = PerConversation.FIELDS;
        Field<Integer> answers = per.answers();
        Field<Integer> rated = per.rated();
        Field<Integer> helpful = per.helpful();
        Field<Integer> fallbacks = per.fallbacks();
        Field<Boolean> handed = per.handed();
        Field<Double> implicitSum = per.implicitSum();
        Field<Integer> implicitCount = per.implicitCount();
        Field<Integer> correctedCount = correctedIds.length == 0 ? inline(0).as("corrected")
                : count().filterWhere(MESSAGES.ID.eq(field("any({0})", UUID.class, val(correctedIds))))
                .as("corrected");
        // @formatter:off
        var perConversation = dsl.select(v, c, answers, rated, helpful, fallbacks, handed, implicitSum,
                        implicitCount, correctedCount)
                .from(MESSAGES)
                .where(answersOf(tenant, versions, from, to))
                .groupBy(perDay
                        ? List.of(MESSAGES.ASSISTANT_VERSION, MESSAGES.CONVERSATION_ID, utcDay())
                        : List.of(MESSAGES.ASSISTANT_VERSION, MESSAGES.CONVERSATION_ID))
                .asTable("per_conversation");
        // @formatter:on
        Field<Integer> pv = perConversation.field(v);
        Field<UUID> pc = perConversation.field(c);
        Field<Integer> conversations = count().as("conversations");
        Field<Integer> handoffs = count().filterWhere(perConversation.field(handed)).as("handoffs");
        Field<Long> totalAnswers = sum(perConversation.field(answers)).cast(Long.class).as("answers");
        Field<Long> totalRated = sum(perConversation.field(rated)).cast(Long.class).as("rated");
        Field<Long> totalHelpful = sum(perConversation.field(helpful)).cast(Long.class).as("helpful");
        Field<Long> totalFallbacks = sum(perConversation.field(fallbacks)).cast(Long.class).as("fallbacks");
        Field<Double> totalImplicit = coalesce(sum(perConversation.field(implicitSum)), inline(0.0))
                .cast(Double.class).as("implicit_sum");
        Field<Long> totalScored = sum(perConversation.field(implicitCount)).cast(Long.class).as("implicit_count");
        Field<Long> totalCorrected = sum(perConversation.field(correctedCount)).cast(Long.class).as("corrected");
        // byte order is enough to tell visitor ids apart, and sorts far faster than the database's collation
        Field<Integer> visitors = countVisitors ? countDistinct(CONVERSATIONS.VISITOR_ID.collate("C"))
                .as("visitors") : inline(0).as("visitors");
        var select = dsl.select(pv, conversations, handoffs, totalAnswers, totalRated, totalHelpful, totalFallbacks,
                totalImplicit, totalScored, totalCorrected, visitors).from(perConversation);
        // @formatter:off
        var rows = (countVisitors
                ? select.join(CONVERSATIONS)
                        .on(CONVERSATIONS.TENANT_ID.eq(tenant.value()), CONVERSATIONS.ID.eq(pc))
                : select)
                .groupBy(pv)
                .fetch();
        // @formatter:on
        for (var r : rows) {
            int version = r.get(pv);
            double sumScores = r.get(totalImplicit);
            long scored = r.get(totalScored);
            result.put(version, new VersionAnswerStats.VersionAnswers(version, r.get(visitors),
                    r.get(conversations), r.get(totalAnswers), r.get(totalRated), r.get(totalHelpful),
                    r.get(totalFallbacks), r.get(handoffs), Math.min(sumScores, scored), scored,
                    r.get(totalCorrected)));
        }
        return result;
    }

    List<VersionAnswerStats.BucketRatings> ratings(TenantId tenant, Collection<Integer> versions,
                                                   OffsetDateTime from, OffsetDateTime to,
                                                   VersionAnswerStats.Bucket bucket) {
        if (versions.isEmpty()) {
            return List.of();
        }
        Field<OffsetDateTime> start = field("date_trunc({0}, {1}, 'UTC')", OffsetDateTime.class,
                inline(bucket == VersionAnswerStats.Bucket.HOUR ? "hour" : "day"), MESSAGES.CREATED_AT).as("bucket");
        Field<Integer> rated = count().as("rated");
        Field<Integer> helpful = count().filterWhere(MESSAGES.FEEDBACK.eq((short) 1)).as("helpful");
        // @formatter:off
        return dsl.select(start, MESSAGES.ASSISTANT_VERSION, rated, helpful)
                .from(MESSAGES)
                .where(answersOf(tenant, versions, from, to), MESSAGES.FEEDBACK.isNotNull())
                .groupBy(start, MESSAGES.ASSISTANT_VERSION)
                .orderBy(start, MESSAGES.ASSISTANT_VERSION)
                .fetch(r -> new VersionAnswerStats.BucketRatings(r.get(start).toInstant(),
                        r.get(MESSAGES.ASSISTANT_VERSION), r.get(rated), r.get(helpful)));
        // @formatter:on
    }

    VersionAnswerStats.Traffic traffic(TenantId tenant, OffsetDateTime from, OffsetDateTime to) {
        Field<Integer> visitors = countDistinct(CONVERSATIONS.VISITOR_ID).as("visitors");
        Field<Integer> conversations = countDistinct(MESSAGES.CONVERSATION_ID).as("conversations");
        Field<Integer> answers = count().as("answers");
        Field<Integer> rated = count().filterWhere(MESSAGES.FEEDBACK.isNotNull()).as("rated");
        Field<Integer> helpful = count().filterWhere(MESSAGES.FEEDBACK.eq((short) 1)).as("helpful");
        // @formatter:off
        return dsl.select(visitors, conversations, answers, rated, helpful)
                .from(MESSAGES)
                .join(CONVERSATIONS)
                    .on(CONVERSATIONS.TENANT_ID.eq(MESSAGES.TENANT_ID), CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID))
                .where(MESSAGES.TENANT_ID.eq(tenant.value()),
                        MESSAGES.AUTHOR.eq(Author.ASSISTANT.name()),
                        MESSAGES.CREATED_AT.ge(from),
                        MESSAGES.CREATED_AT.lt(to),
                        CONVERSATIONS.CHANNEL.eq(Channel.WIDGET.name()))
                .fetchSingle(r -> new VersionAnswerStats.Traffic(r.get(visitors), r.get(conversations),
                        r.get(answers), r.get(rated), r.get(helpful)));
        // @formatter:on
    }

    /**
     * One conversation's answers of a version (per UTC day in the roll-up): the figures both the live reads and the
     * roll-up count, so that the two always agree.
     */
    private record PerConversation(Field<Integer> answers, Field<Integer> rated, Field<Integer> helpful,
                                   Field<Integer> fallbacks, Field<Boolean> handed, Field<Double> implicitSum,
                                   Field<Integer> implicitCount) {

        static final PerConversation FIELDS = new PerConversation(count().as("answers"),
                count(MESSAGES.FEEDBACK).as("rated"), count().filterWhere(MESSAGES.FEEDBACK.eq((short) 1)).as("helpful"),
                count().filterWhere(MESSAGES.LOW_CONFIDENCE).as("fallbacks"), boolOr(MESSAGES.HANDED_OFF).as("handed"),
                sum(MESSAGES.IMPLICIT_SCORE).cast(Double.class).as("implicit_sum"),
                count(MESSAGES.IMPLICIT_SCORE).as("implicit_count"));
    }

    /** The UTC day an answer was written on. */
    private static Field<LocalDate> utcDay() {
        return FeedbackReviewRepository.utcDay(MESSAGES.CREATED_AT);
    }

    /**
     * Per version, how many of the answers in [from, to) are among {@code corrected} (looked up by id: corrections
     * are few).
     */
    Map<Integer, Long> corrected(TenantId tenant, Collection<Integer> versions, OffsetDateTime from, OffsetDateTime to,
                                 Collection<UUID> corrected) {
        if (versions.isEmpty() || corrected.isEmpty()) {
            return Map.of();
        }
        // @formatter:off
        return dsl.select(MESSAGES.ASSISTANT_VERSION, count())
                .from(MESSAGES)
                .where(answersOf(tenant, versions, from, to),
                       MESSAGES.ID.eq(field("any({0})", UUID.class, val(corrected.toArray(UUID[]::new)))))
                .groupBy(MESSAGES.ASSISTANT_VERSION)
                .fetchMap(MESSAGES.ASSISTANT_VERSION, r -> r.value2().longValue());
        // @formatter:on
    }

    /**
     * The daily roll-up ({@code chat.version_days}) of the days {@code [first, last]}: deletes what was there and
     * counts the days again from the answers, per day, version and conversation as {@link #byVersion} with
     * {@code perDay} does. Call within the transaction of {@link FeedbackRollupRepository#recompute}.
     *
     * @return the rows written
     */
    int rollUp(TenantId tenant, LocalDate first, LocalDate last) {
        dsl.deleteFrom(VERSION_DAYS)
                .where(VERSION_DAYS.TENANT_ID.eq(tenant.value()), VERSION_DAYS.DAY.between(first, last))
                .execute();
        Field<LocalDate> d = utcDay().as("d");
        Field<Integer> v = MESSAGES.ASSISTANT_VERSION.as("v");
        PerConversation per = PerConversation.FIELDS;
        Field<Integer> answers = per.answers();
        Field<Integer> rated = per.rated();
        Field<Integer> helpful = per.helpful();
        Field<Integer> fallbacks = per.fallbacks();
        Field<Boolean> handed = per.handed();
        Field<Double> implicitSum = per.implicitSum();
        Field<Integer> implicitCount = per.implicitCount();
        OffsetDateTime from = first.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        // @formatter:off
        var perConversation = dsl.select(d, v, answers, rated, helpful, fallbacks, handed, implicitSum, implicitCount)
                .from(MESSAGES)
                .where(answersOf(tenant, null, from, to))
                .groupBy(utcDay(), MESSAGES.ASSISTANT_VERSION, MESSAGES.CONVERSATION_ID)
                .asTable("per_conversation");
        return dsl.insertInto(VERSION_DAYS, VERSION_DAYS.TENANT_ID, VERSION_DAYS.DAY, VERSION_DAYS.ASSISTANT_VERSION,
                        VERSION_DAYS.CONVERSATIONS, VERSION_DAYS.HANDOFF_CONVERSATIONS, VERSION_DAYS.ANSWERS,
                        VERSION_DAYS.RATED, VERSION_DAYS.HELPFUL, VERSION_DAYS.FALLBACKS, VERSION_DAYS.IMPLICIT_COUNT,
                        VERSION_DAYS.IMPLICIT_SUM)
                .select(dsl.select(inline(tenant.value()), perConversation.field(d), perConversation.field(v),
                                count(), count().filterWhere(perConversation.field(handed)),
                                total(perConversation.field(answers)), total(perConversation.field(rated)),
                                total(perConversation.field(helpful)), total(perConversation.field(fallbacks)),
                                total(perConversation.field(implicitCount)),
                                coalesce(sum(perConversation.field(implicitSum)), inline(0.0)).cast(Double.class))
                        .from(perConversation)
                        .groupBy(perConversation.field(d), perConversation.field(v)))
                .execute();
        // @formatter:on
    }

    private static Field<Integer> total(Field<Integer> column) {
        return sum(column).cast(Integer.class);
    }

    /**
     * Per version, the rolled-up figures of the given days (visitors not counted: a visitor may come back on
     * another day).
     */
    Map<Integer, VersionAnswerStats.VersionAnswers> rolledUp(TenantId tenant, Collection<Integer> versions,
                                                             Collection<LocalDate> days) {
        Map<Integer, VersionAnswerStats.VersionAnswers> result = new LinkedHashMap<>();
        if (versions.isEmpty() || days.isEmpty()) {
            return result;
        }
        // @formatter:off
        dsl.select(VERSION_DAYS.ASSISTANT_VERSION, sum(VERSION_DAYS.CONVERSATIONS),
                        sum(VERSION_DAYS.HANDOFF_CONVERSATIONS), sum(VERSION_DAYS.ANSWERS), sum(VERSION_DAYS.RATED),
                        sum(VERSION_DAYS.HELPFUL), sum(VERSION_DAYS.FALLBACKS), sum(VERSION_DAYS.IMPLICIT_COUNT),
                        sum(VERSION_DAYS.IMPLICIT_SUM))
                .from(VERSION_DAYS)
                .where(VERSION_DAYS.TENANT_ID.eq(tenant.value()),
                       VERSION_DAYS.ASSISTANT_VERSION.in(versions),
                       VERSION_DAYS.DAY.in(days))
                .groupBy(VERSION_DAYS.ASSISTANT_VERSION)
                .forEach(r -> result.put(r.value1(), new VersionAnswerStats.VersionAnswers(r.value1(), 0,
                        r.value2().longValue(), r.value4().longValue(), r.value5().longValue(),
                        r.value6().longValue(), r.value7().longValue(), r.value3().longValue(),
                        r.value9().doubleValue(), r.value8().longValue(), 0)));
        // @formatter:on
        return result;
    }

    /** Per day and version, the rolled-up rated answers of the given days, oldest first. */
    List<VersionAnswerStats.BucketRatings> rolledUpRatings(TenantId tenant, Collection<Integer> versions,
                                                           Collection<LocalDate> days) {
        if (versions.isEmpty() || days.isEmpty()) {
            return List.of();
        }
        // @formatter:off
        return dsl.select(VERSION_DAYS.DAY, VERSION_DAYS.ASSISTANT_VERSION, VERSION_DAYS.RATED, VERSION_DAYS.HELPFUL)
                .from(VERSION_DAYS)
                .where(VERSION_DAYS.TENANT_ID.eq(tenant.value()),
                       VERSION_DAYS.ASSISTANT_VERSION.in(versions),
                       VERSION_DAYS.DAY.in(days),
                       VERSION_DAYS.RATED.gt(0))
                .orderBy(VERSION_DAYS.DAY, VERSION_DAYS.ASSISTANT_VERSION)
                .fetch(r -> new VersionAnswerStats.BucketRatings(
                        r.value1().atStartOfDay().toInstant(ZoneOffset.UTC), r.value2(), r.value3(), r.value4()));
        // @formatter:on
    }

    /** The widget answers of the versions in [from, to): evaluation conversations left out. */
    private static Condition answersOf(TenantId tenant, @Nullable Collection<Integer> versions,
                                       OffsetDateTime from, OffsetDateTime to) {
        return MESSAGES.TENANT_ID.eq(tenant.value())
                .and(MESSAGES.AUTHOR.eq(Author.ASSISTANT.name()))
                .and(versions == null ? MESSAGES.ASSISTANT_VERSION.isNotNull() : MESSAGES.ASSISTANT_VERSION.in(versions))
                .and(MESSAGES.CREATED_AT.ge(from))
                .and(MESSAGES.CREATED_AT.lt(to))
                .and(notExists(selectOne()
                        .from(CONVERSATIONS)
                        .where(CONVERSATIONS.TENANT_ID.eq(MESSAGES.TENANT_ID),
                                CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID),
                                CONVERSATIONS.CHANNEL.eq(Channel.EVALUATION.name()))));
    }
}
