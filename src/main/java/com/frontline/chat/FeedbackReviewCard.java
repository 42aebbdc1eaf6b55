package com.frontline.chat;

import org.jspecify.annotations.Nullable;

/**
 * One figure on the review page against the period before.
 *
 * @param value    this period's value from 0 to 1, or null when there is nothing to divide by
 * @param previous the previous period's value, or null
 * @param basis    what the value is measured over ("31 of 40 rated answers")
 */
public record FeedbackReviewCard(String key, String label, String explanation, @Nullable Double value,
                                 @Nullable Double previous, String basis, FeedbackReviewSparkline sparkline) {

    /** The change in percentage points, or null when either period has no value. */
    public @Nullable Double changePoints() {
        return value == null || previous == null ? null : (value - previous) * 100;
    }
}
