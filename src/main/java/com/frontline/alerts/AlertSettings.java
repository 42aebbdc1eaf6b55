package com.frontline.alerts;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/**
 * A workspace's alert thresholds and delivery channels.
 *
 * @param costBudgetPercent   raise when this month's spending reaches this share of the monthly budget
 * @param latencyP95Ms        raise when the p95 latency of the window's calls is above this
 * @param failureRatePercent  raise for a provider when this share of its calls in the window failed
 * @param windowMinutes       the window of calls latency and failure rates are measured over
 * @param minCalls            fewer calls in the window than this say nothing about latency or failures
 * @param handoffFactor       raise when the last 24 hours had this many times the daily mean of handoffs of the 7
 *                            days before
 * @param handoffMin          … and at least this many handoffs
 * @param qualityDropPoints   raise when the helpful rate of the last 7 days is this many percentage points below
 *                            the 28 days before
 * @param qualityMinRatings   … with at least this many ratings in each
 * @param throttleMinutes     an alert of the same kind and key is not raised again within this time (counted instead)
 * @param webhookUrl          a Slack-compatible incoming webhook ({@code {"text": …}}); null: none
 */
public record AlertSettings(boolean costEnabled, int costBudgetPercent, boolean latencyEnabled, int latencyP95Ms,
                            boolean failureEnabled, int failureRatePercent, int windowMinutes, int minCalls,
                            boolean handoffEnabled, BigDecimal handoffFactor, int handoffMin, boolean qualityEnabled,
                            int qualityDropPoints, int qualityMinRatings, int throttleMinutes, boolean emailEnabled,
                            @Nullable String webhookUrl) {

    public static final AlertSettings DEFAULTS = new AlertSettings(true, 100, true, 10_000, true, 25, 60, 20, true,
            new BigDecimal("2.00"), 5, true, 10, 20, 360, true, null);

    public boolean enabled(AlertKind kind) {
        return switch (kind) {
            case COST_OVER_BUDGET -> costEnabled;
            case LATENCY_P95 -> latencyEnabled;
            case PROVIDER_FAILURE_RATE -> failureEnabled;
            case HANDOFF_SPIKE -> handoffEnabled;
            case QUALITY_DROP -> qualityEnabled;
        };
    }
}
