package com.frontline.chat;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Which judged answers the feedback review page shows: answers the visitor rated, or that the implicit-signals job
 * scored, in {@code [from, to)}. Every other criterion is optional (null: any).
 *
 * @param providerModel a provider and model as the answers store them (both must match)
 * @param text          words to find in the question or the answer (case-insensitive, taken literally)
 */
public record FeedbackReviewFilter(OffsetDateTime from, OffsetDateTime to, Rating rating, @Nullable String reason,
                                   @Nullable Channel channel, @Nullable Band band, @Nullable Outcome outcome,
                                   @Nullable Boolean handedOff, @Nullable ProviderModel providerModel,
                                   @Nullable String text) {

    /** The reasons a visitor may give with a 👎, as {@code chat.messages.feedback_reasons} allows them. */
    public static final List<String> REASONS = Arrays.stream(FeedbackReason.values()).map(Enum::name).toList();

    /** The longest text search accepted. */
    public static final int MAX_TEXT = 200;

    public FeedbackReviewFilter {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("The period ends before it starts");
        }
        if (reason != null && !REASONS.contains(reason)) {
            throw new IllegalArgumentException("Unknown reason " + reason);
        }
        if (text != null && (text.isBlank() || text.length() > MAX_TEXT)) {
            throw new IllegalArgumentException("Text search is 1 to " + MAX_TEXT + " characters");
        }
        if (channel == Channel.EVALUATION) {
            throw new IllegalArgumentException("Evaluation runs are not customers' answers");
        }
    }

    /** Everything judged in the period. */
    public static FeedbackReviewFilter period(OffsetDateTime from, OffsetDateTime to) {
        return new FeedbackReviewFilter(from, to, Rating.ANY, null, null, null, null, null, null, null);
    }

    /** The period of the same length just before this one (the cards compare against it). */
    public FeedbackReviewFilter previous() {
        Duration length = Duration.between(from, to);
        return new FeedbackReviewFilter(from.minus(length), from, rating, reason, channel, band, outcome, handedOff,
                providerModel, text);
    }

    /** Which judgement an answer carries. */
    public enum Rating {
        /** 👍 or 👎, or only an implicit score. */
        ANY,
        /** 👍 or 👎. */
        RATED,
        UP,
        DOWN,
        /** no 👍/👎, only the implicit score. */
        IMPLICIT_ONLY
    }

    /** Confidence bands: low below 0.4, high from 0.7 (the workspace's threshold defaults to 0.5, in between). */
    public enum Band {
        LOW(0, 0.4), MEDIUM(0.4, 0.7), HIGH(0.7, Double.POSITIVE_INFINITY);

        private final double min;
        private final double max;

        Band(double min, double max) {
            this.min = min;
            this.max = max;
        }

        /** Inclusive. */
        public double min() {
            return min;
        }

        /** Exclusive. */
        public double max() {
            return max;
        }

        public static Band of(double confidence) {
            return confidence < LOW.max ? LOW : confidence < MEDIUM.max ? MEDIUM : HIGH;
        }
    }

    /** Whether the assistant answered or gave its fallback message (confidence under the threshold). */
    public enum Outcome {
        ANSWERED, FELL_BACK
    }

    /** A provider and model as stored with the answers; either may be missing on old answers. */
    public record ProviderModel(@Nullable String provider, @Nullable String model) {

        /** {@code provider/model}, the value the page's select sends. */
        public String key() {
            return (provider == null ? "" : provider) + "/" + (model == null ? "" : model);
        }

        public String label() {
            return (provider == null ? "unknown" : provider) + " · " + (model == null ? "unknown" : model);
        }

        /** Parses {@link #key()}: the provider is everything before the first slash (models may contain one). */
        public static ProviderModel parse(String key) {
            int slash = key.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("Expected provider/model");
            }
            String provider = key.substring(0, slash);
            String model = key.substring(slash + 1);
            return new ProviderModel(provider.isEmpty() ? null : provider, model.isEmpty() ? null : model);
        }
    }
}
