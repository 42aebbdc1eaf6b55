/**
 * Elasticsearch for the app: the real distribution started as a child process when no
 * {@code frontline.elasticsearch.url} is configured, otherwise the configured cluster. Other modules use the
 * {@code ElasticsearchClient} bean and {@link com.frontline.platform.elasticsearch.ElasticsearchConnection}.
 */
@NullMarked
@NamedInterface("elasticsearch")
package com.frontline.platform.elasticsearch;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
