package com.frontline.llm.internal;

import java.math.BigDecimal;

/** A month's usage of one provider and model (or of everything, for the total line). */
public record UsageLine(String provider, String model, long calls, long failures, long skipped, long failovers,
                        long tokensIn, long tokensOut, BigDecimal costUsd, long p50LatencyMs, long p95LatencyMs) {

    public long tokens() {
        return tokensIn + tokensOut;
    }
}
