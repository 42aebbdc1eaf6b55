package com.frontline.alerts;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The alert settings form as posted: numbers as typed, checkboxes as ticked. */
public record AlertSettingsForm(boolean costEnabled, @Nullable String costBudgetPercent, boolean latencyEnabled,
                                @Nullable String latencyP95Seconds, boolean failureEnabled,
                                @Nullable String failureRatePercent, @Nullable String windowMinutes,
                                @Nullable String minCalls, boolean handoffEnabled, @Nullable String handoffFactor,
                                @Nullable String handoffMin, boolean qualityEnabled, @Nullable String qualityDropPoints,
                                @Nullable String qualityMinRatings, @Nullable String throttleMinutes,
                                boolean emailEnabled, @Nullable String webhookUrl) {

    /** The form showing stored settings. */
    public static AlertSettingsForm of(AlertSettings s) {
        return new AlertSettingsForm(s.costEnabled(), String.valueOf(s.costBudgetPercent()), s.latencyEnabled(),
                BigDecimal.valueOf(s.latencyP95Ms()).divide(BigDecimal.valueOf(1000), 3, RoundingMode.HALF_UP)
                        .stripTrailingZeros().toPlainString(),
                s.failureEnabled(), String.valueOf(s.failureRatePercent()), String.valueOf(s.windowMinutes()),
                String.valueOf(s.minCalls()), s.handoffEnabled(),
                s.handoffFactor().stripTrailingZeros().toPlainString(),
                String.valueOf(s.handoffMin()), s.qualityEnabled(), String.valueOf(s.qualityDropPoints()),
                String.valueOf(s.qualityMinRatings()), String.valueOf(s.throttleMinutes()), s.emailEnabled(),
                s.webhookUrl() == null ? "" : s.webhookUrl());
    }
}
