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
}
