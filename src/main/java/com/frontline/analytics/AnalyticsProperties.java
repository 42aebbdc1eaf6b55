package com.frontline.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The analytics roll-up job ({@link AnalyticsRollupJob}).
 *
 * @param every     how often the job runs
 * @param settle    how long after a UTC day ends it is rolled up (late writes of the day's last minutes land first)
 * @param chunkDays days rolled up per transaction
 * @param staleDays changed days rolled up again per run at most
 */
@ConfigurationProperties("frontline.analytics.rollup")
record AnalyticsProperties(@DefaultValue("5m") Duration every, @DefaultValue("10m") Duration settle,
                           @DefaultValue("31") int chunkDays, @DefaultValue("500") int staleDays) {
}
