package com.frontline.platform.elasticsearch;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterHealthProbeTest {

    @Test
    void keepsAPathPrefixOfTheClusterUrl() {
        assertThat(ClusterHealthProbe.healthUri(URI.create("http://127.0.0.1:9200")))
                .hasToString("http://127.0.0.1:9200/_cluster/health");
        assertThat(ClusterHealthProbe.healthUri(URI.create("https://proxy.example/es/")))
                .hasToString("https://proxy.example/es/_cluster/health");
    }
}
