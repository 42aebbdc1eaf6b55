package com.frontline.llm.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The daily usage summaries and the retention of raw usage records ({@code frontline.llm.usage}).
 *
 * @param summaryEvery  how often the summary job runs (once per cluster)
 * @param recomputeDays the last days recomputed on every run, today included, even when already final (a late
 *                      commit is picked up); at most 3, so that retention (at least 35 days) never reaches them
 * @param grace         how long after midnight (UTC) a day is still open to records committing late; a day becomes
 *                      final, and its raw records deletable, in the first run after that
 * @param maxDaysPerRun how many days one run summarises for a workspace at most (a first run over a long history
 *                      continues in the next runs)
 * @param deleteBatch   raw records deleted per statement when they pass the retention period
 */
@Validated
@ConfigurationProperties("frontline.llm.usage")
public record UsageProperties(
        @DefaultValue("5m") Duration summaryEvery,
        @DefaultValue("2") @Min(1) @Max(3) int recomputeDays,
        @DefaultValue("15m") Duration grace,
        @DefaultValue("31") @Min(1) @Max(400) int maxDaysPerRun,
        @DefaultValue("20000") @Min(100) int deleteBatch) {

    /** Raw records are kept this long unless a workspace chose otherwise. */
    public static final int DEFAULT_RETENTION_DAYS = 90;
    public static final int MIN_RETENTION_DAYS = 35;
    public static final int MAX_RETENTION_DAYS = 3650;
}
