package com.frontline.search;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * @param index         the alias of the chunks index all tenants share
 * @param modelCacheDir where the embedding model's tokenizer unpacks its native library (DJL_CACHE_DIR); without it,
 *                      {@code ~/.djl.ai}
 */
@Validated
@ConfigurationProperties("frontline.search")
record SearchProperties(
        @DefaultValue("frontline-chunks") @Pattern(regexp = "[a-z0-9][a-z0-9_-]*") String index,
        @Nullable Path modelCacheDir) {
}
