package com.frontline.insights;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Settings of the batch analysis and the gap clustering ({@code frontline.insights}).
 *
 * @param batchSize      a conversation is analysed at every this many customer messages (10, 20, …)
 * @param batchDelay     a batch runs this long after it is enqueued, so that the last message's answer is stored
 * @param idleAfter      a conversation quiet this long has ended: its remaining messages are analysed
 * @param sweepEvery     how often the quiet conversations are looked for
 * @param clusterEvery   how often every workspace's unanswered questions are clustered again
 * @param minQuestions   fewer unanswered questions than this: no clustering (the page says how many are needed)
 * @param sampleSize     at most this many questions go into HDBSCAN (O(n²)); the rest join the nearest cluster
 * @param minClusterSize the smallest group of questions that counts as a cluster
 * @param lowConfidence  an answer given with a confidence below this counts as not answered
 * @param window         questions older than this are not clustered
 * @param backfillPage   the backfill of earlier conversations walks this many per transaction
 */
@Validated
@ConfigurationProperties("frontline.insights")
public record InsightsProperties(@DefaultValue("10") @Min(2) int batchSize,
                                 @DefaultValue("20s") Duration batchDelay,
                                 @DefaultValue("30m") Duration idleAfter,
                                 @DefaultValue("1m") Duration sweepEvery,
                                 @DefaultValue("6h") Duration clusterEvery,
                                 @DefaultValue("6") @Min(2) int minQuestions,
                                 @DefaultValue("2500") @Min(50) int sampleSize,
                                 @DefaultValue("3") @Min(2) int minClusterSize,
                                 @DefaultValue("0.35") double lowConfidence,
                                 @DefaultValue("90d") Duration window,
                                 @DefaultValue("100") @Min(1) int backfillPage) {
}
