package com.frontline.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Resolves (and for ephemeral runs, creates and later deletes) the directory of one embedded service. */
public final class DataDirectories {

    private static final Logger log = LoggerFactory.getLogger(DataDirectories.class);

    private DataDirectories() {
    }

    public static Path resolve(EmbeddedProperties properties, String service) {
        try {
            if (properties.ephemeral()) {
                Path dir = Files.createTempDirectory("frontline-" + service + "-");
                return dir;
            }
            Path dir = properties.dataDir().resolve(service).toAbsolutePath().normalize();
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory for " + service, e);
        }
    }

    public static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }
}
