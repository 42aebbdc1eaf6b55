package com.frontline.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.frontline.llm.FakeHttp.json;
import static com.frontline.llm.FakeHttp.respond;

/**
 * A local stand-in for the native chat APIs of Anthropic, Google Gemini, Mistral and Ollama, speaking each one's
 * streaming wire format as the real service does. It answers only on the real endpoint paths
 * ({@code /v1/messages}, {@code /v1beta/models/{model}:streamGenerateContent}, {@code /v1/chat/completions},
 * {@code /api/chat}); anything else is a 404, so a wrong base-URL path shows up as an error. The first path segment
 * picks the behaviour: {@code http://127.0.0.1:<port>/<mode>} followed by the provider's own path.
 * <ul>
 *     <li>{@code ok}: streams {@link #ANSWER} word by word, with usage {@value #TOKENS_IN} in /
 *     {@value #TOKENS_OUT} out</li>
 *     <li>{@code handoff}: calls the {@code handoff_to_human} tool with {@link #HANDOFF_REASON}</li>
 *     <li>{@code fail}: HTTP 500 with the provider's error body</li>
 *     <li>{@code slow}: sends nothing for 5 s (or until closed)</li>
 *     <li>{@code cut} (Anthropic only): streams two words, then ends the response without {@code message_stop}</li>
 * </ul>
 * Every request is recorded (path, query, headers, body) so tests can check what the client sent.
 */
public final class FakeProviderServer implements AutoCloseable {

    public static final String ANSWER = "Refunds take five business days [1].";
    public static final String HANDOFF_REASON = "wants a person";
    public static final int TOKENS_IN = 120;
    public static final int TOKENS_OUT = 30;

    /** What the client sent; header names are case-insensitive. */
    public record Request(String mode, String method, String path, @Nullable String query,
                          Map<String, List<String>> headers, String body) {

        public @Nullable String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    private static final Pattern GEMINI_STREAM =
            Pattern.compile("/v1beta/models/([^/:]+):streamGenerateContent");

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public FakeProviderServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Prefix the provider's own base path (e.g. {@code /v1}) with this. */
    public String root(String mode) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + mode;
    }

    /** The requests received, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request lastRequest() {
        return requests.getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String full = exchange.getRequestURI().getRawPath();
        int slash = full.indexOf('/', 1);
        String mode = slash < 0 ? full.substring(1) : full.substring(1, slash);
        String path = slash < 0 ? "" : full.substring(slash);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(mode, exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                headers, body));
        try (exchange) {
            Matcher gemini = GEMINI_STREAM.matcher(path);
            if (!exchange.getRequestMethod().equals("POST")) {
                respond(exchange, 405, "application/json", "{\"error\":\"method not allowed\"}");
            } else if (path.equals("/v1/messages")) {
                anthropic(exchange, mode);
            } else if (gemini.matches()) {
                gemini(exchange, mode, gemini.group(1));
            } else if (path.equals("/v1/chat/completions")) {
                mistral(exchange, mode);
            } else if (path.equals("/api/chat")) {
                ollama(exchange, mode);
            } else {
                respond(exchange, 404, "application/json", "{\"error\":\"no such endpoint: " + json(path) + "\"}");
            }
        } catch (IOException e) {
            // the client went away (timeouts in tests do that)
        }
    }

    // --- Anthropic Messages API: named SSE events ---------------------------------------------------------------

    private void anthropic(HttpExchange exchange, String mode) throws IOException {
        switch (mode) {
            case "fail" -> respond(exchange, 500, "application/json",
                    "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}");
            case "slow" -> pause();
            case "cut" -> { // two words, then the connection ends without message_stop
                OutputStream out = start(exchange, "text/event-stream");
                anthropicStart(out);
                sse(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
                for (String word : words().subList(0, 2)) {
                    sse(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + json(word) + "\"}}");
                }
            }
            case "handoff" -> {
                OutputStream out = start(exchange, "text/event-stream");
                anthropicStart(out);
                sse(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                        + "{\"type\":\"tool_use\",\"id\":\"toolu_01\",\"name\":\"handoff_to_human\",\"input\":{}}}");
                sse(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\"}}");
                sse(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"reason\\\": \"}}");
                sse(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\\\"" + HANDOFF_REASON
                        + "\\\"}\"}}");
                sse(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
                anthropicStop(out, "tool_use");
            }
            default -> {
                OutputStream out = start(exchange, "text/event-stream");
                anthropicStart(out);
                sse(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
                sse(out, "ping", "{\"type\":\"ping\"}");
                for (String word : words()) {
                    sse(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"" + json(word) + "\"}}");
                }
                sse(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
                anthropicStop(out, "end_turn");
            }
        }
    }

    private static void anthropicStart(OutputStream out) throws IOException {
        sse(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-fake\",\"content\":[],\"stop_reason\":null,"
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + TOKENS_IN + ",\"output_tokens\":1}}}");
    }

    private static void anthropicStop(OutputStream out, String stopReason) throws IOException {
        sse(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + TOKENS_OUT + "}}");
        sse(out, "message_stop", "{\"type\":\"message_stop\"}");
    }

    // --- Gemini streamGenerateContent?alt=sse: one GenerateContentResponse per data line -----------------------

    private void gemini(HttpExchange exchange, String mode, String model) throws IOException {
        switch (mode) {
            case "fail" -> respond(exchange, 500, "application/json", "{\"error\":{\"code\":500,"
                    + "\"message\":\"An internal error has occurred.\",\"status\":\"INTERNAL\"}}");
            case "slow" -> pause();
            case "handoff" -> {
                OutputStream out = start(exchange, "text/event-stream");
                sse(out, null, geminiChunk(model, "{\"functionCall\":{\"name\":\"handoff_to_human\","
                        + "\"args\":{\"reason\":\"" + HANDOFF_REASON + "\"}}}", "STOP", true));
            }
            default -> {
                OutputStream out = start(exchange, "text/event-stream");
                List<String> words = words();
                for (int i = 0; i < words.size(); i++) {
                    boolean last = i == words.size() - 1;
                    sse(out, null, geminiChunk(model, "{\"text\":\"" + json(words.get(i)) + "\"}",
                            last ? "STOP" : null, last));
                }
            }
        }
    }

    private static String geminiChunk(String model, String part, @Nullable String finishReason, boolean last) {
        // like the real service, every chunk carries usage so far; the last one has the final counts
        int out = last ? TOKENS_OUT : 1;
        return "{\"candidates\":[{\"content\":{\"parts\":[" + part + "],\"role\":\"model\"},"
                + (finishReason == null ? "" : "\"finishReason\":\"" + finishReason + "\",") + "\"index\":0}],"
                + "\"usageMetadata\":{\"promptTokenCount\":" + TOKENS_IN + ",\"candidatesTokenCount\":" + out
                + ",\"totalTokenCount\":" + (TOKENS_IN + out) + "},"
                + "\"modelVersion\":\"" + json(model) + "\",\"responseId\":\"resp_01\"}";
    }

    // --- Mistral chat completions: OpenAI-like SSE, usage in the last chunk, then [DONE] -----------------------

    private void mistral(HttpExchange exchange, String mode) throws IOException {
        switch (mode) {
            case "fail" -> respond(exchange, 500, "application/json", "{\"object\":\"error\","
                    + "\"message\":\"Service unavailable.\",\"type\":\"internal_server_error\",\"param\":null,"
                    + "\"code\":\"1000\"}");
            case "slow" -> pause();
            case "handoff" -> {
                OutputStream out = start(exchange, "text/event-stream");
                sse(out, null, mistralChunk("{\"role\":\"assistant\",\"content\":\"\"}", null, false));
                sse(out, null, mistralChunk("{\"content\":\"\",\"tool_calls\":[{\"id\":\"D681PevKs\","
                        + "\"function\":{\"name\":\"handoff_to_human\",\"arguments\":\"{\\\"reason\\\": \\\""
                        + HANDOFF_REASON + "\\\"}\"},\"index\":0}]}", "tool_calls", true));
                sse(out, null, "[DONE]");
            }
            default -> {
                OutputStream out = start(exchange, "text/event-stream");
                sse(out, null, mistralChunk("{\"role\":\"assistant\",\"content\":\"\"}", null, false));
                List<String> words = words();
                for (int i = 0; i < words.size(); i++) {
                    boolean last = i == words.size() - 1;
                    sse(out, null, mistralChunk("{\"content\":\"" + json(words.get(i)) + "\"}",
                            last ? "stop" : null, last));
                }
                sse(out, null, "[DONE]");
            }
        }
    }

    private static String mistralChunk(String delta, @Nullable String finishReason, boolean usage) {
        return "{\"id\":\"cmpl_01\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"mistral-fake\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]"
                + (usage ? ",\"usage\":{\"prompt_tokens\":" + TOKENS_IN + ",\"total_tokens\":"
                + (TOKENS_IN + TOKENS_OUT) + ",\"completion_tokens\":" + TOKENS_OUT + "}" : "") + "}";
    }

    // --- Ollama /api/chat: newline-delimited JSON, the last line has done=true and the counts ------------------

    private void ollama(HttpExchange exchange, String mode) throws IOException {
        switch (mode) {
            case "fail" -> respond(exchange, 500, "application/json",
                    "{\"error\":\"model runner has unexpectedly stopped\"}");
            case "slow" -> pause();
            case "handoff" -> {
                OutputStream out = start(exchange, "application/x-ndjson");
                line(out, "{\"model\":\"llama-fake\",\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":"
                        + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":"
                        + "{\"name\":\"handoff_to_human\",\"arguments\":{\"reason\":\"" + HANDOFF_REASON
                        + "\"}}}]},\"done\":false}");
                ollamaDone(out);
            }
            default -> {
                OutputStream out = start(exchange, "application/x-ndjson");
                for (String word : words()) {
                    line(out, "{\"model\":\"llama-fake\",\"created_at\":\"2025-01-01T00:00:00Z\","
                            + "\"message\":{\"role\":\"assistant\",\"content\":\"" + json(word) + "\"},"
                            + "\"done\":false}");
                }
                ollamaDone(out);
            }
        }
    }

    private static void ollamaDone(OutputStream out) throws IOException {
        line(out, "{\"model\":\"llama-fake\",\"created_at\":\"2025-01-01T00:00:01Z\",\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true,"
                + "\"total_duration\":181553584,\"load_duration\":27906292,\"prompt_eval_count\":" + TOKENS_IN
                + ",\"prompt_eval_duration\":109000000,\"eval_count\":" + TOKENS_OUT
                + ",\"eval_duration\":42000000}");
    }

    // --- plumbing -----------------------------------------------------------------------------------------------

    private static List<String> words() {
        return List.of(ANSWER.split("(?<= )"));
    }

    /** The slow mode: hold the request (no status, no body) for 5 s, or until the server closes. */
    private void pause() {
        try {
            closing.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OutputStream start(HttpExchange exchange, String type) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void sse(OutputStream out, @Nullable String event, String data) throws IOException {
        String frame = (event == null ? "" : "event: " + event + "\n") + "data: " + data + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void line(OutputStream out, String json) throws IOException {
        out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
