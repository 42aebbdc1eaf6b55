package com.frontline.alerts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param evaluateEvery   how often the thresholds are checked (once per cluster)
 * @param deliveryRetries how often a failed e-mail or webhook delivery is tried again, with exponential back-off
 * @param deliveryBackoff the first wait before a retry (then doubled)
 * @param webhookTimeout  the longest a webhook call may take
 */
@Validated
@ConfigurationProperties("frontline.alerts")
public record AlertsProperties(
        @DefaultValue("5m") Duration evaluateEvery,
        @DefaultValue("6") @Min(0) @Max(20) int deliveryRetries,
        @DefaultValue("30s") Duration deliveryBackoff,
        @DefaultValue("10s") Duration webhookTimeout) {
}
