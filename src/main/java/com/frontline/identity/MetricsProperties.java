package com.frontline.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param scrapeToken the credential a metrics scraper (Prometheus) sends as {@code Authorization: Bearer <token>} to
 *                    read {@code /actuator/prometheus}; at least 32 characters, from the environment
 *                    ({@code FRONTLINE_METRICS_SCRAPE_TOKEN}). Without it only signed-in users can read the metrics
 */
@ConfigurationProperties("frontline.metrics")
record MetricsProperties(@Nullable String scrapeToken) {

    MetricsProperties {
        if (scrapeToken != null && !scrapeToken.isBlank() && scrapeToken.strip().length() < 32) {
            throw new IllegalStateException("frontline.metrics.scrape-token must have at least 32 characters "
                    + "(e.g. openssl rand -hex 32)");
        }
    }
}
