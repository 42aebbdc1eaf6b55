package com.frontline.e2e;

import com.frontline.shared.TenantId;
import com.frontline.tenants.TenantService;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over the real web server (compression happens in the connector, which MockMvc skips): text assets come gzipped to
 * clients that ask, while the chat's event streams are never compressed, so they keep streaming.
 */
class CompressionE2E {

    private final Portal portal = Portal.get();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void widgetScriptStylesheetAndPagesComeGzippedWhenAsked() throws Exception {
        HttpResponse<byte[]> script = get("/widget.js", "gzip");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] unzipped = new GZIPInputStream(new java.io.ByteArrayInputStream(script.body())).readAllBytes();
        assertThat(unzipped).isEqualTo(Files.readAllBytes(Path.of("frontend-assets/js/widget.js")));
        assertThat(script.body().length).isLessThan(unzipped.length / 2);
        System.out.printf("widget.js over the wire: %,d bytes gzipped, %,d bytes plain%n", script.body().length,
                unzipped.length);

        assertThat(get("/css/app.css", "gzip").headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(get("/login", "gzip").headers().firstValue("Content-Encoding")).hasValue("gzip");
        // a client that does not ask gets the plain bytes
        assertThat(get("/widget.js", null).headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void chatEventStreamsAreNotCompressedAndStreamAtOnce() throws Exception {
        JdbcTemplate jdbc = portal.app.getBean(JdbcTemplate.class);
        UUID acme = jdbc.queryForObject("select id from tenants.workspaces where slug = 'acme'", UUID.class);
        String key = portal.app.getBean(TenantService.class).widget(TenantId.of(acme)).publicKey();
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(portal.url("/widget/api/session")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("key=" + key + "&visitor=" + "compression-test-visitor-1"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).isEqualTo(200);
        String token = session.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");

        HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(
                        URI.create(portal.url("/widget/api/events?token=" + token)))
                .header("Accept", "text/event-stream").header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = events.body()) {
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/event-stream"));
            assertThat(events.headers().firstValue("Content-Encoding")).isEmpty();
            // the first event arrives while the stream stays open: nothing holds it back in a compression buffer
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
                try {
                    byte[] chunk = new byte[256];
                    int n = body.read(chunk);
                    return n <= 0 ? "" : new String(chunk, 0, n, StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(first.get(10, TimeUnit.SECONDS)).contains("event:");
        }
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url(path))).GET();
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
