package com.frontline.llm.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One UTC day's usage of one provider, model, purpose and outcome: a row of {@code llm.usage_daily}, or the same
 * aggregate computed from the raw records of a day that is not final yet.
 *
 * @param calls     hops that reached the provider (every outcome but SKIPPED)
 * @param skipped   hops skipped because the provider's circuit was open
 * @param latency   the calls' latencies in {@link LatencyHistogram} buckets
 */
public record UsageDayGroup(LocalDate day, String provider, String model, String purpose, String outcome, long calls,
                            long skipped, long successes, long failures, long failovers, long tokensIn,
                            long tokensOut, BigDecimal costUsd, long latencySumMs, LatencyHistogram latency) {

    /** Whether the calls belong to customers' conversations (answers and question rewrites, not connection tests). */
    public boolean conversational() {
        return !Purpose.TEST.name().equals(purpose);
    }
}
