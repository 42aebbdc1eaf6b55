package com.frontline.platform.elasticsearch;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Where Elasticsearch is and whether it can be used yet. The app starts before its embedded node is ready, so code
 * that indexes or searches at startup (or in a job) calls {@link #awaitReady()} first.
 */
public final class ElasticsearchConnection {

    /** An external cluster is either up or not; waiting long for it would only stall the caller. */
    private static final Duration EXTERNAL_CHECK_TIMEOUT = Duration.ofSeconds(5);

    private final URI url;
    private final @Nullable EmbeddedElasticsearch embedded;
    private final Duration startupTimeout;
    private final ClusterHealthProbe probe = new ClusterHealthProbe();
    private volatile boolean externalReachable;

    ElasticsearchConnection(URI url, @Nullable EmbeddedElasticsearch embedded, Duration startupTimeout) {
        this.url = url;
        this.embedded = embedded;
        this.startupTimeout = startupTimeout;
    }

    static ElasticsearchConnection embedded(EmbeddedElasticsearch node, Duration startupTimeout) {
        return new ElasticsearchConnection(node.url(), node, startupTimeout);
    }

    static ElasticsearchConnection external(URI url) {
        return new ElasticsearchConnection(url, null, EXTERNAL_CHECK_TIMEOUT);
    }

    public URI url() {
        return url;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * Returns once Elasticsearch answers: the embedded node within the configured startup timeout, an external
     * cluster on its first successful health check (later calls return at once).
     *
     * @throws ElasticsearchUnavailableException when it does not
     */
    public void awaitReady() {
        if (embedded != null) {
            embedded.awaitReady(startupTimeout);
            return;
        }
        if (externalReachable) {
            return;
        }
        try {
            ClusterHealthProbe.ClusterHealth health = probe.fetch(url, EXTERNAL_CHECK_TIMEOUT);
            if (!health.usable()) {
                throw new ElasticsearchUnavailableException(
                        "Elasticsearch at " + url + " reports cluster status " + health.status());
            }
            externalReachable = true;
        } catch (IOException e) {
            throw new ElasticsearchUnavailableException("Elasticsearch at " + url + " is not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ElasticsearchUnavailableException("Interrupted while checking Elasticsearch at " + url, e);
        }
    }

    /** True once {@link #awaitReady()} would return at once; never blocks. */
    public boolean isReady() {
        return embedded != null ? embedded.isReady() : externalReachable;
    }

    @Nullable EmbeddedElasticsearch embeddedNode() {
        return embedded;
    }

    ClusterHealthProbe.ClusterHealth health(Duration timeout) throws IOException, InterruptedException {
        return probe.fetch(url, timeout);
    }

    void close() {
        probe.close();
    }
}
