package com.frontline.chat;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One judged answer on the feedback review page and in its exports.
 *
 * @param rating        1 (👍), -1 (👎) or null (only implicitly judged)
 * @param lowConfidence the assistant gave its fallback message
 * @param implicitScore the implicit satisfaction score from 0 to 1, once the signals job has read the conversation
 */
public record FeedbackReviewRow(UUID messageId, UUID conversationId, OffsetDateTime createdAt, Channel channel,
                                @Nullable String question, String answer, @Nullable Integer rating,
                                List<String> reasons, @Nullable String comment, @Nullable Double confidence,
                                boolean lowConfidence, boolean handedOff, @Nullable Double implicitScore,
                                @Nullable String provider, @Nullable String model, List<Citation> citations) {

    public FeedbackReviewRow {
        reasons = List.copyOf(reasons);
        citations = List.copyOf(citations);
    }

    /** Where the next page starts. */
    public FeedbackReviewCursor cursor() {
        return new FeedbackReviewCursor(createdAt, messageId);
    }

    public FeedbackReviewFilter.@Nullable Band band() {
        return confidence == null ? null : FeedbackReviewFilter.Band.of(confidence);
    }
}
