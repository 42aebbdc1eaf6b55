package com.frontline.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param retentionEvery how often the retention job looks for transcripts past their workspace's period
 * @param retryEvery     how often erasures whose Elasticsearch part failed are tried again
 * @param batch          conversations deleted per transaction
 */
@ConfigurationProperties("frontline.privacy")
record PrivacyProperties(@DefaultValue("PT1H") Duration retentionEvery, @DefaultValue("PT1M") Duration retryEvery,
                         @DefaultValue("200") int batch) {
}
