package com.frontline.knowledge;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param ingestBatch      how many waiting documents of one workspace an ingestion job takes on at once (their
 *                         passages share embedding calls and Elasticsearch bulk writes); 1 indexes each document on
 *                         its own, as before batching
 * @param ingestBatchBytes a batch stops growing past this many bytes of uploaded files (a big file mostly goes alone)
 * @param claimFor         how long a batch holds its documents; a job that died lets go of them after this
 * @param ingestSweepEvery how often a sweep queues documents again whose batch died (their lease ran out)
 */
@Validated
@ConfigurationProperties("frontline.knowledge")
record KnowledgeProperties(
        @DefaultValue("64") @Min(1) @Max(500) int ingestBatch,
        @DefaultValue("4000000") @Min(1) long ingestBatchBytes,
        @DefaultValue("10m") Duration claimFor,
        @DefaultValue("1m") Duration ingestSweepEvery) {
}
