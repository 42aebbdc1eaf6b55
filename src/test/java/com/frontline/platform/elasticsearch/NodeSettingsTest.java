package com.frontline.platform.elasticsearch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class NodeSettingsTest {

    @Test
    void bindsOneLoopbackSingleNodeWithoutSecurityToTheGivenPortsAndPaths() {
        String yaml = new NodeSettings(Path.of("/srv/app/data/elasticsearch/data"),
                Path.of("/srv/app/data/elasticsearch/logs"), 19200, 19300).toYaml();

        assertThat(settings(yaml)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "path.data", "\"/srv/app/data/elasticsearch/data\"",
                "path.logs", "\"/srv/app/data/elasticsearch/logs\"",
                "network.host", "127.0.0.1",
                "http.port", "19200",
                "transport.port", "19300",
                "discovery.type", "single-node",
                "xpack.security.enabled", "false",
                "cluster.routing.allocation.disk.threshold_enabled", "false"));
    }

    @Test
    void quotesPathsThatPlainYamlWouldMisread() {
        String yaml = new NodeSettings(Path.of("/home/a b/#x: \"y\"/data"), Path.of("/logs"), 1, 2).toYaml();

        assertThat(settings(yaml)).containsEntry("path.data", "\"/home/a b/#x: \\\"y\\\"/data\"");
    }

    private static Map<String, String> settings(String yaml) {
        return yaml.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split(": ", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }
}
