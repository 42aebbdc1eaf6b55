package com.frontline.corrections;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A correction as the queue shows it.
 *
 * @param textVersion the text's version: 1, then one more per edit (older texts are in the history)
 * @param version     the row's version for optimistic locking: a review form carries it, and a change made with an
 *                    older one is refused
 * @param lastAction  what was done last ({@code created}, {@code edited}, {@code approved}, …) and by whom
 * @param alsoAsked   how many more resolved handoffs asked a near-identical question (merged into this one)
 */
public record Correction(UUID id, String question, String answer, @Nullable String sourceUrl,
                         @Nullable String category, CorrectionStatus status, CorrectionOrigin origin,
                         @Nullable UUID answerMessageId, @Nullable UUID conversationId, String authorName,
                         @Nullable Integer qualityScore, @Nullable String reviewerComment, int textVersion,
                         int version, String lastAction, String lastActor, long hitCount, int alsoAsked,
                         OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** "5 min", "3 h", "2 days": how long ago it was written. */
    public String age(OffsetDateTime now) {
        return Ages.short_(Duration.between(createdAt, now));
    }
}
