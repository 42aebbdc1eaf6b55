package com.frontline.platform.elasticsearch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Where the app looks for the Elasticsearch distribution when it is started from a folder other than the project. */
class DistributionLocatorTest {

    private static final Path DEFAULT = Path.of("target/elasticsearch/elasticsearch-9.5.3");

    @TempDir
    Path root;

    @Test
    void findsTheDefaultFromTheProjectFolder() throws IOException {
        Path project = root.resolve("project");
        Path home = distribution(project.resolve(DEFAULT));

        assertThat(DistributionLocator.locate(DEFAULT, project, project.resolve("target"))).isEqualTo(home);
    }

    @Test
    void findsTheDefaultNextToTheJarWhenStartedFromAnotherFolder() throws IOException {
        Path project = root.resolve("srv/frontline");
        Path home = distribution(project.resolve(DEFAULT));
        Path elsewhere = Files.createDirectories(root.resolve("tmp"));

        assertThat(DistributionLocator.locate(DEFAULT, elsewhere, project.resolve("target"))).isEqualTo(home);
    }

    @Test
    void findsADistributionCopiedBesideTheJar() throws IOException {
        Path jarDir = root.resolve("opt/frontline");
        Path home = distribution(jarDir.resolve("elasticsearch/elasticsearch-9.5.3"));

        assertThat(DistributionLocator.locate(DEFAULT, root.resolve("tmp"), jarDir)).isEqualTo(home);
    }

    @Test
    void theWorkingFolderWinsOverTheJarsFolder() throws IOException {
        Path cwd = root.resolve("here");
        Path mine = distribution(cwd.resolve(DEFAULT));
        distribution(root.resolve("project").resolve(DEFAULT));

        assertThat(DistributionLocator.locate(DEFAULT, cwd, root.resolve("project/target"))).isEqualTo(mine);
    }

    @Test
    void anAbsoluteHomeIsUsedAsItIsAndNothingElseIsTried() throws IOException {
        Path home = distribution(root.resolve("es"));
        distribution(root.resolve("project").resolve(DEFAULT));

        assertThat(DistributionLocator.locate(home, root, root.resolve("project/target"))).isEqualTo(home);
        assertThat(DistributionLocator.candidates(home, root, root.resolve("project/target"))).containsExactly(home);
    }

    @Test
    void aFolderWithoutAnExecutableStartScriptDoesNotCount() throws IOException {
        Path project = root.resolve("project");
        Path script = project.resolve(DEFAULT).resolve("bin/elasticsearch");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\n");

        assertThatThrownBy(() -> DistributionLocator.locate(DEFAULT, project, project.resolve("target")))
                .isInstanceOf(ElasticsearchUnavailableException.class);
    }

    @Test
    void failsNamingEveryPlaceTriedAndThePropertyAndVariableToSet() {
        Path cwd = root.resolve("tmp");
        Path jarDir = root.resolve("srv/frontline/target");

        assertThatThrownBy(() -> DistributionLocator.locate(DEFAULT, cwd, jarDir))
                .isInstanceOf(ElasticsearchUnavailableException.class)
                .hasMessageContaining(cwd.resolve(DEFAULT).toString())
                .hasMessageContaining(root.resolve("srv/frontline").resolve(DEFAULT).toString())
                .hasMessageContaining(jarDir.resolve("elasticsearch/elasticsearch-9.5.3").toString())
                .hasMessageContaining("frontline.elasticsearch.home")
                .hasMessageContaining("FRONTLINE_ELASTICSEARCH_HOME")
                .hasMessageContaining("FRONTLINE_ELASTICSEARCH_URL");
    }

    @Test
    void withoutAConfiguredHomeItSaysWhatToSet() {
        assertThatThrownBy(() -> DistributionLocator.locate(null, root, null))
                .isInstanceOf(ElasticsearchUnavailableException.class)
                .hasMessageContaining("FRONTLINE_ELASTICSEARCH_HOME");
    }

    @Test
    void aStartWithoutADistributionEndsWithAShortReportSayingWhatToSet() {
        Throwable failure = new IllegalStateException("Error creating bean with name 'embeddedElasticsearch'",
                catchThrowable(() -> DistributionLocator.locate(DEFAULT, root, null)));

        FailureAnalysis analysis = new NoDistributionFailureAnalyzer().analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("No Elasticsearch distribution found (looked in "
                + root.resolve(DEFAULT)).doesNotContain("FRONTLINE_ELASTICSEARCH_HOME");
        assertThat(analysis.getAction()).contains("FRONTLINE_ELASTICSEARCH_HOME", "FRONTLINE_ELASTICSEARCH_URL");
    }

    private static Path distribution(Path home) throws IOException {
        Path script = home.resolve("bin/elasticsearch");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home.toAbsolutePath().normalize();
    }
}
