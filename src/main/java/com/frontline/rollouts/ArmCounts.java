package com.frontline.rollouts;

import com.frontline.rollouts.stats.Percentiles;
import org.jspecify.annotations.Nullable;

/**
 * What one arm did over a window: the counts the guard and the dashboards read, as PostgreSQL would sum them
 * (visitors and conversations served, answers, 👍 of rated answers, fallbacks, handoffs, provider calls with their
 * errors and failovers, the implicit satisfaction scores' sum and count) and, when known, the latency percentiles
 * of its answers.
 */
public record ArmCounts(long visitors, long conversations, long answers, long rated, long helpful, long fallbacks,
                        long handoffs, long calls, long errors, long failovers, double implicitSum,
                        long implicitCount, @Nullable Percentiles latency) {

    public static final ArmCounts EMPTY = builder().build();

    public ArmCounts {
        requireAtLeastZero("visitors", visitors);
        requireAtLeastZero("conversations", conversations);
        requireAtLeastZero("answers", answers);
        requireAtLeastZero("rated answers", rated);
        requireAtLeastZero("calls", calls);
        requireAtMost("helpful answers", helpful, "rated answers", rated);
        requireAtMost("fallbacks", fallbacks, "answers", answers);
        requireAtMost("handoffs", handoffs, "conversations", conversations);
        requireAtMost("errors", errors, "calls", calls);
        requireAtMost("failovers", failovers, "calls", calls);
        if (implicitCount < 0 || !(implicitSum >= 0 && implicitSum <= implicitCount)) {
            throw new IllegalArgumentException("the implicit satisfaction sum must be from 0 to its count ("
                    + implicitCount + "), not " + implicitSum);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Both windows together; latency percentiles cannot be added, so the sum keeps them only if one side is empty. */
    public ArmCounts plus(ArmCounts o) {
        return new ArmCounts(visitors + o.visitors, conversations + o.conversations, answers + o.answers,
                rated + o.rated, helpful + o.helpful, fallbacks + o.fallbacks, handoffs + o.handoffs,
                calls + o.calls, errors + o.errors, failovers + o.failovers, implicitSum + o.implicitSum,
                implicitCount + o.implicitCount, o.equals(EMPTY) ? latency : equals(EMPTY) ? o.latency : null);
    }

    /** These counts without an earlier part of them (a running total minus the total before a window); no latency. */
    public ArmCounts minus(ArmCounts o) {
        return new ArmCounts(visitors - o.visitors, conversations - o.conversations, answers - o.answers,
                rated - o.rated, helpful - o.helpful, fallbacks - o.fallbacks, handoffs - o.handoffs,
                calls - o.calls, errors - o.errors, failovers - o.failovers,
                Math.min(Math.max(0, implicitSum - o.implicitSum), Math.max(0, implicitCount - o.implicitCount)),
                implicitCount - o.implicitCount, null);
    }

    private static void requireAtLeastZero(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " cannot be negative: " + value);
        }
    }

    private static void requireAtMost(String name, long value, String of, long total) {
        requireAtLeastZero(name, value);
        if (value > total) {
            throw new IllegalArgumentException(name + " (" + value + ") cannot exceed " + of + " (" + total + ")");
        }
    }

    /** Counts by name, for tests and for code that fills them one query at a time. */
    public static final class Builder {
        private long visitors;
        private long conversations;
        private long answers;
        private long rated;
        private long helpful;
        private long fallbacks;
        private long handoffs;
        private long calls;
        private long errors;
        private long failovers;
        private double implicitSum;
        private long implicitCount;
        private @Nullable Percentiles latency;

        private Builder() {
        }

        public Builder visitors(long v) {
            visitors = v;
            return this;
        }

        public Builder conversations(long v) {
            conversations = v;
            return this;
        }

        public Builder answers(long v) {
            answers = v;
            return this;
        }

        /** {@code helpful} 👍 of {@code rated} rated answers. */
        public Builder ratings(long helpful, long rated) {
            this.helpful = helpful;
            this.rated = rated;
            return this;
        }

        public Builder fallbacks(long v) {
            fallbacks = v;
            return this;
        }

        public Builder handoffs(long v) {
            handoffs = v;
            return this;
        }

        /** {@code errors} and {@code failovers} of {@code calls} provider calls. */
        public Builder calls(long calls, long errors, long failovers) {
            this.calls = calls;
            this.errors = errors;
            this.failovers = failovers;
            return this;
        }

        public Builder implicit(double sum, long count) {
            implicitSum = sum;
            implicitCount = count;
            return this;
        }

        public Builder latency(@Nullable Percentiles p) {
            latency = p;
            return this;
        }

        public ArmCounts build() {
            return new ArmCounts(visitors, conversations, answers, rated, helpful, fallbacks, handoffs, calls, errors,
                    failovers, implicitSum, implicitCount, latency);
        }
    }
}
