package com.frontline.llm.internal;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/**
 * Usage added up over some days, providers and models: the figures the dashboard shows for a period, a line of its
 * tables or a day of its charts.
 *
 * @param calls   hops that reached a provider
 * @param skipped hops skipped because the circuit was open (not calls, never billed)
 * @param latency the calls' latencies, in {@link LatencyHistogram} buckets
 */
public record UsageTotals(long calls, long skipped, long successes, long failures, long failovers, long tokensIn,
                          long tokensOut, BigDecimal costUsd, long latencySumMs, LatencyHistogram latency) {

    public static UsageTotals of(Iterable<UsageDayGroup> groups) {
        long calls = 0;
        long skipped = 0;
        long successes = 0;
        long failures = 0;
        long failovers = 0;
        long in = 0;
        long out = 0;
        long latencySum = 0;
        BigDecimal cost = BigDecimal.ZERO;
        LatencyHistogram latency = LatencyHistogram.empty();
        for (UsageDayGroup g : groups) {
            calls += g.calls();
            skipped += g.skipped();
            successes += g.successes();
            failures += g.failures();
            failovers += g.failovers();
            in += g.tokensIn();
            out += g.tokensOut();
            latencySum += g.latencySumMs();
            cost = cost.add(g.costUsd());
            latency.add(g.latency());
        }
        return new UsageTotals(calls, skipped, successes, failures, failovers, in, out, cost, latencySum, latency);
    }

    public long tokens() {
        return tokensIn + tokensOut;
    }

    /** Successful calls among calls, 0–1; null without calls. */
    public @Nullable Double successRate() {
        return calls == 0 ? null : (double) successes / calls;
    }

    /** Failed calls among calls, 0–1; null without calls. */
    public @Nullable Double failureRate() {
        return calls == 0 ? null : (double) failures / calls;
    }

    public long p50() {
        return Math.round(latency.percentile(50));
    }

    public long p95() {
        return Math.round(latency.percentile(95));
    }

    public long p99() {
        return Math.round(latency.percentile(99));
    }

    public long meanLatencyMs() {
        return calls == 0 ? 0 : Math.round((double) latencySumMs / calls);
    }
}
