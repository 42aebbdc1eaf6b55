package com.frontline.platform.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.frontline.platform.EmbeddedProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wiring for an external cluster; the embedded node is covered by {@link EmbeddedElasticsearchTest}. */
class ElasticsearchConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(TestConfig.class);

    @Test
    void startsNothingAndReportsAnUnreachableClusterAsDownWithoutHanging() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();
        context.withPropertyValues("frontline.elasticsearch.url=" + url).run(app -> {
            assertThat(app).doesNotHaveBean(EmbeddedElasticsearch.class).hasSingleBean(ElasticsearchClient.class);
            assertThat(app.getBean(ElasticsearchConnection.class).url()).hasToString(url);

            long started = System.nanoTime();
            HealthIndicator health = app.getBean("elasticsearchHealthIndicator", HealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            ElasticsearchConnection connection = app.getBean(ElasticsearchConnection.class);
            assertThatThrownBy(connection::awaitReady).isInstanceOf(ElasticsearchUnavailableException.class)
                    .hasMessageContaining(url);
            assertThat(connection.isReady()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        });
    }

    @Test
    void failsFastWhenNoDistributionIsUnpacked() {
        context.withPropertyValues("frontline.elasticsearch.home=/nonexistent", "frontline.embedded.ephemeral=true")
                .run(app -> assertThat(app).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("frontline.elasticsearch.home"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ElasticsearchProperties.class, EmbeddedProperties.class})
    @Import(ElasticsearchConfiguration.class)
    static class TestConfig {
    }
}
