package com.frontline.rollouts;

import com.frontline.rollouts.stats.Rate;

import java.util.function.Function;

/** A per-arm rate the guard and the dashboards compare, what it counts, and which way is better. */
public enum GuardMetric {
    /** 👍 of rated answers (👍 + 👎). */
    HELPFUL_RATE("helpful", "rated answers", true, c -> Rate.of(c.helpful(), c.rated())),
    /** Answers that fell back (low confidence) of all answers. */
    FALLBACK_RATE("fallbacks", "answers", false, c -> Rate.of(c.fallbacks(), c.answers())),
    /** Conversations handed to a person. */
    HANDOFF_RATE("handoffs", "conversations", false, c -> Rate.of(c.handoffs(), c.conversations())),
    /** The mean implicit satisfaction score (0–1) of scored answers. */
    IMPLICIT_SATISFACTION("implicit satisfaction", "scored answers", true,
            c -> new Rate(c.implicitSum(), c.implicitCount())),
    /** Provider calls that failed. */
    ERROR_RATE("errors", "calls", false, c -> Rate.of(c.errors(), c.calls())),
    /** Provider calls that had to fail over to another provider. */
    FAILOVER_RATE("failovers", "calls", false, c -> Rate.of(c.failovers(), c.calls()));

    private final String label;
    private final String sample;
    private final boolean higherIsBetter;
    private final Function<ArmCounts, Rate> rate;

    GuardMetric(String label, String sample, boolean higherIsBetter, Function<ArmCounts, Rate> rate) {
        this.label = label;
        this.sample = sample;
        this.higherIsBetter = higherIsBetter;
        this.rate = rate;
    }

    /** "helpful", as in "Candidate helpful 71 %". */
    public String label() {
        return label;
    }

    /** What the sample counts: "rated answers". */
    public String sample() {
        return sample;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public Rate rate(ArmCounts counts) {
        return rate.apply(counts);
    }

    /** Whether the guard may watch it as its quality metric (errors have their own rule). */
    public boolean guardable() {
        return this != ERROR_RATE && this != FAILOVER_RATE;
    }
}
