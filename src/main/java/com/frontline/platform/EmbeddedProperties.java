package com.frontline.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Where the embedded PostgreSQL and Elasticsearch keep their data. With {@code ephemeral} (tests) each start uses a
 * fresh temporary directory that is deleted on shutdown.
 */
@ConfigurationProperties("frontline.embedded")
public record EmbeddedProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("false") boolean ephemeral) {
}
