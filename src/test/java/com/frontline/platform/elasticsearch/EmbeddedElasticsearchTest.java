package com.frontline.platform.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.frontline.platform.EmbeddedProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Starts the real distribution once (~10 s); no Spring context, no Docker. */
@Tag("slow") // starts apps or nodes of its own: left out of the fast set (-DexcludedGroups=slow)
class EmbeddedElasticsearchTest {

    record Faq(String tenantId, String question) {
    }

    @Test
    void startsInTheBackgroundServesTheClientAndStopsItsWholeProcessTree() throws Exception {
        EmbeddedElasticsearch node = new EmbeddedElasticsearch(properties(), new EmbeddedProperties(Path.of("."), true));
        ElasticsearchConnection connection = ElasticsearchConnection.embedded(node, Duration.ofSeconds(120));
        ElasticsearchHealthIndicator health = new ElasticsearchHealthIndicator(connection);
        List<ProcessHandle> processTree;
        Path directory = node.directory();
        try (node; ElasticsearchClient client = ElasticsearchConfiguration.client(connection)) {
            // The constructor returned right after launching: the node cannot have answered yet.
            assertThat(connection.isReady()).isFalse();
            assertThat(health.health()).extracting(Health::getStatus, h -> h.getDetails().get("state"))
                    .containsExactly(Status.DOWN, "starting");

            connection.awaitReady();

            assertThat(connection.isReady()).isTrue();
            assertThat(health.health()).extracting(Health::getStatus, h -> h.getDetails().get("status"))
                    .containsExactly(Status.UP, "green");

            Faq faq = new Faq("tenant-a", "How do I reset my password?");
            client.index(i -> i.index("faq").id("1").document(faq).refresh(Refresh.True));
            SearchResponse<Faq> found = client.search(s -> s.index("faq")
                    .query(q -> q.match(m -> m.field("question").query("password"))), Faq.class);
            assertThat(found.hits().hits()).extracting(Hit::id, Hit::source).containsExactly(tuple("1", faq));

            processTree = Stream.concat(Stream.of(node.process()), node.process().descendants()).toList();
            // the launcher JVM and the node JVM
            assertThat(processTree).hasSizeGreaterThanOrEqualTo(2).allMatch(ProcessHandle::isAlive);
        }

        connection.close();

        assertThat(processTree).noneMatch(ProcessHandle::isAlive);
        assertThat(directory).doesNotExist();
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void startsAfterANodeWasStoppedWhileCreatingItsKeystore() throws Exception {
        Path data = java.nio.file.Files.createTempDirectory("frontline-es-leftover-");
        try {
            Path config = java.nio.file.Files.createDirectories(data.resolve("elasticsearch/config"));
            java.nio.file.Files.writeString(config.resolve("elasticsearch.keystore.tmp"), "half-written");
            EmbeddedElasticsearch node = new EmbeddedElasticsearch(properties(), new EmbeddedProperties(data, false));
            ElasticsearchConnection connection = ElasticsearchConnection.embedded(node, Duration.ofSeconds(120));
            try (node) {
                connection.awaitReady();
                assertThat(connection.isReady()).isTrue();
            } finally {
                connection.close();
            }
        } finally {
            com.frontline.platform.DataDirectories.deleteQuietly(data);
        }
    }

    static ElasticsearchProperties properties() {
        // Surefire passes the unpacked distribution; the fallback serves IDE runs from the project directory.
        Path home = Path.of(
                System.getProperty("frontline.elasticsearch.home", "target/elasticsearch/elasticsearch-9.5.3"));
        return new ElasticsearchProperties(null, home, "512m", Duration.ofSeconds(120));
    }
}
