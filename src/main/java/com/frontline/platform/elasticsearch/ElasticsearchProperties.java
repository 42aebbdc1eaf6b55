package com.frontline.platform.elasticsearch;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * @param url            an existing cluster to use; when set, nothing is started
 * @param home           the unpacked Elasticsearch distribution started when {@code url} is not set
 * @param heap           -Xms and -Xmx of the started node
 * @param startupTimeout how long the started node may take to answer; after that it counts as failed and is stopped
 */
@Validated
@ConfigurationProperties("frontline.elasticsearch")
record ElasticsearchProperties(
        @Nullable URI url,
        @Nullable Path home,
        @DefaultValue("512m") @Pattern(regexp = "\\d+[kKmMgG]") String heap,
        @DefaultValue("90s") Duration startupTimeout) {
}
