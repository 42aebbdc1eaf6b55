package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;
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
        Field<Integer> answers = count().as("answers");
        Field<Integer> rated = count(MESSAGES.FEEDBACK).as("rated");
        Field<Integer> helpful = count().filterWhere(MESSAGES.FEEDBACK.eq((short) 1)).as("helpful");
        Field<Integer> fallbacks = count().filterWhere(MESSAGES.LOW_CONFIDENCE).as("fallbacks");
        Field<Boolean> handed = boolOr(MESSAGES.HANDED_OFF).as("handed");
        Field<Double> implicitSum = sum(MESSAGES.IMPLICIT_SCORE).cast(Double.class).as("implicit_sum");
        Field<Integer> implicitCount = count(MESSAGES.IMPLICIT_SCORE).as("implicit_count");
        Field<Integer> correctedCount = correctedIds.length == 0 ? inline(0).as("corrected")
                : count().filterWhere(MESSAGES.ID.eq(field("any({0})", UUID.class, val(correctedIds))))
                .as("corrected");
        // @formatter:off
        var perConversation = dsl.select(v, c, answers, rated, helpful, fallbacks, handed, implicitSum,
                        implicitCount, correctedCount)
                .from(MESSAGES)
                .where(answersOf(tenant, versions, from, to))
                .groupBy(MESSAGES.ASSISTANT_VERSION, MESSAGES.CONVERSATION_ID)
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

    List<UUID> evaluationConversations(TenantId tenant, OffsetDateTime from, OffsetDateTime to, int limit) {
        // @formatter:off
        return dsl.select(CONVERSATIONS.ID)
                .from(CONVERSATIONS)
                .where(CONVERSATIONS.TENANT_ID.eq(tenant.value()),
                        CONVERSATIONS.CHANNEL.eq(Channel.EVALUATION.name()),
                        CONVERSATIONS.CREATED_AT.ge(from),
                        CONVERSATIONS.CREATED_AT.lt(to))
                .orderBy(CONVERSATIONS.CREATED_AT.desc())
                .limit(limit)
                .fetch(CONVERSATIONS.ID);
        // @formatter:on
    }

    /** The widget answers of the versions in [from, to): evaluation conversations left out. */
    private static Condition answersOf(TenantId tenant, Collection<Integer> versions, OffsetDateTime from,
                                       OffsetDateTime to) {
        return MESSAGES.TENANT_ID.eq(tenant.value())
                .and(MESSAGES.AUTHOR.eq(Author.ASSISTANT.name()))
                .and(MESSAGES.ASSISTANT_VERSION.in(versions))
                .and(MESSAGES.CREATED_AT.ge(from))
                .and(MESSAGES.CREATED_AT.lt(to))
                .and(notExists(selectOne()
                        .from(CONVERSATIONS)
                        .where(CONVERSATIONS.TENANT_ID.eq(MESSAGES.TENANT_ID),
                                CONVERSATIONS.ID.eq(MESSAGES.CONVERSATION_ID),
                                CONVERSATIONS.CHANNEL.eq(Channel.EVALUATION.name()))));
    }
}
