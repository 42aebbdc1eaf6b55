package com.frontline.platform.elasticsearch;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One {@code GET /_cluster/health} with hard timeouts. Kept apart from the Elasticsearch client, whose 30 s socket
 * timeout and retries suit indexing but would let a health check or a startup poll hang.
 */
final class ClusterHealthProbe implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    ClusterHealth fetch(URI baseUrl, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(healthUri(baseUrl))
                .timeout(timeout)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + request.uri() + " answered " + response.statusCode());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return new ClusterHealth(body.path("cluster_name").asString(""), body.path("status").asString("unknown"),
                    body.path("number_of_nodes").asInt(0));
        } catch (JacksonException e) {
            throw new IOException("GET " + request.uri() + " answered no JSON", e);
        }
    }

    static URI healthUri(URI baseUrl) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "_cluster/health");
    }

    @Override
    public void close() {
        http.close();
    }

    record ClusterHealth(String clusterName, String status, int numberOfNodes) {

        /** Red means a primary shard is missing, so some searches and writes would fail. */
        boolean usable() {
            return "green".equals(status) || "yellow".equals(status);
        }
    }
}
