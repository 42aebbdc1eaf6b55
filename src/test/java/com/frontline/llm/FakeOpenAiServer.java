package com.frontline.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static com.frontline.llm.FakeHttp.json;
import static com.frontline.llm.FakeHttp.respond;

/**
 * A local stand-in for an OpenAI-compatible chat-completions endpoint. The first path segment picks the behaviour,
 * so one server plays several providers: {@code http://127.0.0.1:<port>/<mode>/v1}.
 * <ul>
 *     <li>{@code ok}: streams {@link #answer} word by word (SSE), with usage 120 in / 30 out</li>
 *     <li>{@code fail}: HTTP 500</li>
 *     <li>{@code slow}: waits 5 s before answering</li>
 *     <li>{@code garbage}: HTTP 200 with a body that is not an event stream</li>
 *     <li>{@code stall}: streams two tokens, then stalls for 5 s</li>
 *     <li>{@code cut}: streams two tokens, then closes the connection without finishing</li>
 *     <li>{@code handoff}: calls the handoff_to_human tool</li>
 * </ul>
 */
public final class FakeOpenAiServer implements AutoCloseable {

    public volatile String answer = "Refunds take five business days [1].";

    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    public FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl(String mode) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + mode + "/v1";
    }

    /** A base URL on which nothing listens. */
    public static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
    }

    public int hits(String mode) {
        return hits.getOrDefault(mode, new AtomicInteger()).get();
    }

    /** The request bodies received, oldest first. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String mode = exchange.getRequestURI().getPath().split("/")[1];
        hits.computeIfAbsent(mode, m -> new AtomicInteger()).incrementAndGet();
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try (exchange) {
            switch (mode) {
                case "fail" -> respond(exchange, 500, "application/json",
                        "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}");
                case "garbage" -> respond(exchange, 200, "text/html", "<html>Bad gateway, or so</html>");
                case "slow" -> {
                    sleep(5000);
                    stream(exchange, answer, false);
                }
                case "stall" -> {
                    OutputStream out = start(exchange);
                    event(out, chunk("\"content\":\"Partial \""));
                    event(out, chunk("\"content\":\"answer \""));
                    sleep(5000);
                }
                case "cut" -> {
                    OutputStream out = start(exchange);
                    event(out, chunk("\"content\":\"Half \""));
                    event(out, chunk("\"content\":\"an answer \""));
                    out.close();
                }
                case "handoff" -> {
                    OutputStream out = start(exchange);
                    event(out, chunk("\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                            + "\"type\":\"function\",\"function\":{\"name\":\"handoff_to_human\",\"arguments\":\"\"}}]"));
                    event(out, chunk("\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                            + "\"{\\\"reason\\\":\\\"wants a person\\\"}\"}}]"));
                    event(out, finish("tool_calls"));
                    event(out, "[DONE]");
                }
                default -> stream(exchange, answer, true);
            }
        } catch (IOException e) {
            // the client went away (timeouts in tests do that)
        }
    }

    private static void stream(HttpExchange exchange, String text, boolean words) throws IOException {
        OutputStream out = start(exchange);
        event(out, chunk("\"role\":\"assistant\",\"content\":\"\""));
        for (String token : words ? text.split("(?<= )") : new String[]{text}) {
            event(out, chunk("\"content\":\"" + json(token) + "\""));
        }
        event(out, finish("stop"));
        event(out, "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":30,\"total_tokens\":150}}");
        event(out, "[DONE]");
    }

    private static OutputStream start(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static String chunk(String delta) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\",\"choices\":"
                + "[{\"index\":0,\"delta\":{" + delta + "},\"finish_reason\":null}]}";
    }

    private static String finish(String reason) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"fake\",\"choices\":"
                + "[{\"index\":0,\"delta\":{},\"finish_reason\":\"" + reason + "\"}]}";
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
