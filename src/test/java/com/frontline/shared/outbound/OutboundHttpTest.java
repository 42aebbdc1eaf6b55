package com.frontline.shared.outbound;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DNS rebinding: a name that answers an allowed address to the check and an inside one to the connection. The
 * allowed address stands in for a public one (127.0.0.1, which the policy allows as an operator would allow an
 * Ollama), the inside one is 127.0.0.2 (loopback, refused). Both run a server on the same port.
 */
class OutboundHttpTest {

    HttpServer outside;
    HttpServer inside;
    final AtomicInteger outsideHits = new AtomicInteger();
    final AtomicInteger insideHits = new AtomicInteger();
    int port;

    @BeforeEach
    void servers() throws IOException {
        outside = server("127.0.0.1", 0, outsideHits, "outside");
        port = outside.getAddress().getPort();
        inside = server("127.0.0.2", port, insideHits, "INSIDE-SECRET");
    }

    @AfterEach
    void stop() {
        outside.stop(0);
        inside.stop(0);
    }

    @Test
    void aNameThatRebindsBetweenCheckAndConnectionNeverReachesTheInsideAddress() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        OutboundGuard.Resolver rebinding = host -> new InetAddress[]{
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "127.0.0.2")};
        OutboundHttp http = OutboundHttp.of(OutboundGuard.of(false, List.of("127.0.0.1/32"), rebinding));
        String url = "http://rebind.test:" + port + "/";

        assertThat(http.guard().problem(url)).as("the check sees the allowed address").isNull();
        try (CloseableHttpClient client = http.client(Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> client.execute(new HttpGet(url), r -> EntityUtils.toString(r.getEntity())))
                    .isInstanceOf(OutboundRefusedException.class);
        }
        assertThat(insideHits).hasValue(0);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void theConnectionGoesToTheAddressTheGuardChecked() throws Exception {
        // "pinned.test" exists in no DNS: reaching the server proves the client used the guard's answer
        OutboundGuard.Resolver fixed = host -> new InetAddress[]{InetAddress.getByName("127.0.0.1")};
        OutboundHttp http = OutboundHttp.of(OutboundGuard.of(false, List.of("127.0.0.1/32"), fixed));
        try (CloseableHttpClient client = http.client(Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            String body = client.execute(new HttpGet("http://pinned.test:" + port + "/"),
                    r -> EntityUtils.toString(r.getEntity()));
            assertThat(body).isEqualTo("outside");
        }
        assertThat(outsideHits).hasValue(1);
        assertThat(insideHits).hasValue(0);
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        outside.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + port + "/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        OutboundHttp http = OutboundHttp.of(OutboundGuard.of(false, List.of("127.0.0.1/32"), InetAddress::getAllByName));
        try (CloseableHttpClient client = http.client(Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            int status = client.execute(new HttpGet("http://127.0.0.1:" + port + "/moved"), r -> r.getCode());
            assertThat(status).isEqualTo(302);
        }
        assertThat(insideHits).hasValue(0);
    }

    @Test
    void aRefusedAddressIsRefusedBeforeAnyConnectionSoOpenAndClosedPortsLookAlike() throws Exception {
        OutboundHttp http = OutboundHttp.of(OutboundGuard.of(false, List.of(), InetAddress::getAllByName));
        int closed;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            closed = socket.getLocalPort();
        }
        String open = refusal(http, "http://127.0.0.2:" + port + "/");
        String shut = refusal(http, "http://127.0.0.2:" + closed + "/");
        assertThat(open).isEqualTo(shut).contains("loopback");
        assertThat(insideHits).hasValue(0);
    }

    private static String refusal(OutboundHttp http, String url) throws IOException {
        try (CloseableHttpClient client = http.client(Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            client.execute(new HttpGet(url), r -> r.getCode());
            throw new AssertionError("called " + url);
        } catch (UnknownHostException e) {
            return OutboundErrors.network(e, "127.0.0.2");
        }
    }

    private static HttpServer server(String address, int port, AtomicInteger hits, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
