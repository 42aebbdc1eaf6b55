package com.frontline.platform.elasticsearch;

import org.jspecify.annotations.Nullable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the unpacked Elasticsearch distribution the app starts. An absolute {@code frontline.elasticsearch.home} is
 * used as it is. A relative one (the default, {@code target/elasticsearch/elasticsearch-<version>}) is tried against
 * the working directory first, then against the folder that holds the build's output (the jar's folder's parent,
 * so {@code java -jar /opt/frontline/target/frontline.jar} works from any folder), then as
 * {@code <jar folder>/elasticsearch/<name>} (the jar and {@code elasticsearch/} copied side by side).
 */
final class DistributionLocator {

    static final String HINT = "Set frontline.elasticsearch.home (environment variable FRONTLINE_ELASTICSEARCH_HOME) "
            + "to the unpacked distribution, the folder with bin/elasticsearch (the build unpacks it into "
            + "target/elasticsearch/ with './mvnw generate-resources'), or set frontline.elasticsearch.url "
            + "(FRONTLINE_ELASTICSEARCH_URL) to use a running cluster.";

    private DistributionLocator() {
    }

    /**
     * @param configured the configured home, or null
     * @param workingDir the process's working directory
     * @param jarDir     the folder of the running jar (or of the compiled classes), or null if unknown
     * @throws NoDistributionException naming every place that was tried and how to point at one
     */
    static Path locate(@Nullable Path configured, Path workingDir, @Nullable Path jarDir) {
        List<Path> tried = candidates(configured, workingDir, jarDir);
        for (Path candidate : tried) {
            if (Files.isExecutable(candidate.resolve("bin/elasticsearch"))) {
                return candidate;
            }
        }
        throw new NoDistributionException("No Elasticsearch distribution found"
                + (tried.isEmpty() ? "" : " (looked in " + String.join(", ", tried.stream().map(Path::toString)
                .toList()) + ")") + ". " + HINT);
    }

    static List<Path> candidates(@Nullable Path configured, Path workingDir, @Nullable Path jarDir) {
        if (configured == null) {
            return List.of();
        }
        if (configured.isAbsolute()) {
            return List.of(configured.normalize());
        }
        Set<Path> out = new LinkedHashSet<>();
        out.add(workingDir.resolve(configured).toAbsolutePath().normalize());
        if (jarDir != null) {
            Path jar = jarDir.toAbsolutePath().normalize();
            if (jar.getParent() != null) {
                out.add(jar.getParent().resolve(configured).normalize());
            }
            Path name = configured.getFileName();
            if (name != null) {
                out.add(jar.resolve("elasticsearch").resolve(name).normalize());
            }
        }
        return new ArrayList<>(out);
    }
}
