package com.frontline.llm.internal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param masterKey      base64 of 32 random bytes that encrypt the providers' API keys ({@code FRONTLINE_MASTER_KEY});
 *                       without it, outside the {@code prod} profile, one is generated under the data directory
 * @param circuitBreaker when a provider is skipped after failing
 * @param budgetGrace    how far past the monthly budget the cheapest model still answers before only the offline
 *                       answerer does (0.1: 10 %)
 * @param maxHistory     the most recent conversation messages a model sees
 * @param testTimeout    the longest a "Test connection" waits
 * @param streamIdleTimeout once an answer streams, the longest gap between two tokens before the hop fails over
 *                       (a stalled stream; the provider's own time limit bounds the whole answer)
 */
@Validated
@ConfigurationProperties("frontline.llm")
public record LlmProperties(
        @Nullable String masterKey,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue("0.10") @DecimalMin("0") double budgetGrace,
        @DefaultValue("10") @Min(0) @Max(100) int maxHistory,
        @DefaultValue("15s") Duration testTimeout,
        @DefaultValue("10s") Duration streamIdleTimeout) {

    /**
     * A count-based rolling window per (workspace, provider): once {@code minimumCalls} of the last
     * {@code windowSize} calls are in and {@code failureRatePercent} of them failed, the provider is skipped for
     * {@code openFor}, then one trial call decides.
     */
    public record CircuitBreaker(
            @DefaultValue("10") @Min(1) int windowSize,
            @DefaultValue("4") @Min(1) int minimumCalls,
            @DefaultValue("50") @Min(1) @Max(100) int failureRatePercent,
            @DefaultValue("60s") Duration openFor) {
    }
}
