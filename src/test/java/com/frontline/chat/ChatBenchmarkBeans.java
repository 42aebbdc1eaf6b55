package com.frontline.chat;

import org.jooq.DSLContext;
import tools.jackson.databind.json.JsonMapper;

/** The chat module's read beans built by hand, for benchmarks of other modules that run without Spring. */
public final class ChatBenchmarkBeans {

    private ChatBenchmarkBeans() {
    }

    /** {@link ConversationFigures} over the given jOOQ context, with the feedback review roll-up behind it. */
    public static ConversationFigures conversationFigures(DSLContext dsl) {
        var days = new FeedbackReviewDays(new FeedbackReviewRepository(dsl, JsonMapper.builder().build()),
                new FeedbackRollupRepository(dsl, new VersionStatsRepository(dsl)));
        return new ConversationFigures(dsl, days);
    }

    /** Rolls the feedback review figures up (its job's run), as the app would have done in the background. */
    public static void rollUpFeedback(DSLContext dsl, org.springframework.transaction.support.TransactionTemplate tx) {
        var properties = new ChatProperties(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(10),
                java.time.Duration.ZERO, new ChatProperties.Signals(java.time.Duration.ofMinutes(10),
                java.time.Duration.ofMinutes(1), 100),
                new ChatProperties.Rollup(java.time.Duration.ofMinutes(5), java.time.Duration.ofMinutes(10), 31, 500));
        new FeedbackRollupJob(new FeedbackRollupRepository(dsl, new VersionStatsRepository(dsl)), tx, properties).run();
    }

    /**
     * The drill-down query of {@link ConversationFigures#askedIn} as it was before the index on the normalised
     * question's hash (commit ea79bec): every answer of the period is normalised and compared. For benchmarks only.
     */
    public static int askedInWithoutIndex(DSLContext dsl, com.frontline.shared.TenantId tenant, String questionKey,
                                          java.time.OffsetDateTime from, java.time.OffsetDateTime to, int limit) {
        String key = ConversationFigures.QUESTION_KEY.replace("{0}", "m.question");
        return dsl.resultQuery("""
                select m.conversation_id, c.channel, m.created_at, m.question, m.low_confidence,
                       coalesce(m.feedback = -1, false) as unhelpful, m.handed_off
                  from chat.messages m
                  join chat.conversations c on c.tenant_id = m.tenant_id and c.id = m.conversation_id
                 where m.tenant_id = ?::uuid
                   and m.author = 'ASSISTANT'
                   and (m.model is null or m.model not in (?, ?))
                   and m.created_at >= ?::timestamptz and m.created_at < ?::timestamptz
                   and c.channel <> 'EVALUATION'
                   and m.question is not null
                   and %s = ?
                 order by m.created_at desc
                 limit ?""".formatted(key), tenant.value(), SmallTalk.MODEL, Clarification.MODEL, from, to,
                questionKey, limit).fetch().size();
    }
}
