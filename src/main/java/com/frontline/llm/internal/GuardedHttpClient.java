package com.frontline.llm.internal;

import com.frontline.shared.outbound.OutboundHttp;
import com.frontline.shared.outbound.OutboundRefusedException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.FormDataFile;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's HTTP client over {@link OutboundHttp}, so every provider (OpenAI and compatible, Anthropic, Gemini,
 * Mistral, Ollama) checks its base URL with the outbound guard and connects only to the addresses the guard checked.
 * Written here because LangChain4j's own Apache adapter is not published for this LangChain4j line and its JDK client
 * cannot be told how to resolve names. Streams run on a virtual thread each; a stream that sends nothing for the read
 * timeout ends with a {@link TimeoutException}, as LangChain4j's JDK client does.
 */
final class GuardedHttpClient implements HttpClient {

    private final OutboundHttp outbound;
    private final CloseableHttpClient http;

    private GuardedHttpClient(OutboundHttp outbound, Duration connectTimeout, Duration readTimeout) {
        this.outbound = outbound;
        this.http = outbound.client(connectTimeout, readTimeout);
    }

    static Builder builder(OutboundHttp outbound) {
        return new Builder(outbound);
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            return http.execute(toApache(request), response -> {
                String body = response.getEntity() == null ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                if (response.getCode() < 200 || response.getCode() >= 300) {
                    throw new HttpException(response.getCode(), body);
                }
                return SuccessfulHttpResponse.builder().statusCode(response.getCode()).headers(headers(response))
                        .body(body).build();
            });
        } catch (IOException e) {
            throw translate(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        Thread.ofVirtual().name("llm-stream").start(() -> {
            try {
                http.execute(toApache(request), response -> {
                    stream(response, parser, listener);
                    return null;
                });
            } catch (IOException | RuntimeException e) {
                quietly(() -> listener.onError(e instanceof IOException io ? translate(io) : e));
            }
        });
    }

    private static void stream(ClassicHttpResponse response, ServerSentEventParser parser,
                               ServerSentEventListener listener) throws IOException {
        HttpEntity entity = response.getEntity();
        if (response.getCode() < 200 || response.getCode() >= 300) {
            String body = entity == null ? "" : new String(EntityUtils.toByteArray(entity), StandardCharsets.UTF_8);
            quietly(() -> listener.onError(new HttpException(response.getCode(), body)));
            return;
        }
        SuccessfulHttpResponse open = SuccessfulHttpResponse.builder().statusCode(response.getCode())
                .headers(headers(response)).build();
        quietly(() -> listener.onOpen(open));
        if (entity != null) {
            try (InputStream in = entity.getContent()) {
                parser.parse(in, listener);
            }
        }
        quietly(listener::onClose);
    }

    private HttpUriRequestBase toApache(HttpRequest request) throws OutboundRefusedException {
        // the same check as on saving: scheme, user info and host, with the addresses resolved now
        URI uri = outbound.guard().check(request.url()).uri();
        HttpUriRequestBase apache = new HttpUriRequestBase(request.method().name(), uri);
        request.headers().forEach((name, values) -> {
            if (values != null && !name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
                values.forEach(v -> apache.addHeader(name, v));
            }
        });
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            MultipartEntityBuilder multipart = MultipartEntityBuilder.create();
            request.formDataFields().forEach((name, value) ->
                    multipart.addTextBody(name, value, ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8)));
            for (Map.Entry<String, FormDataFile> f : request.formDataFiles().entrySet()) {
                multipart.addBinaryBody(f.getKey(), f.getValue().content(),
                        ContentType.parse(f.getValue().contentType()), f.getValue().fileName());
            }
            apache.removeHeaders("Content-Type"); // the multipart entity brings its own boundary
            apache.setEntity(multipart.build());
        } else if (request.body() != null) {
            apache.setEntity(new StringEntity(request.body(), contentType(request), false));
        }
        return apache;
    }

    private static ContentType contentType(HttpRequest request) {
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Type") && h.getValue() != null && !h.getValue().isEmpty()) {
                return ContentType.parse(h.getValue().getFirst()).withCharset(StandardCharsets.UTF_8);
            }
        }
        return ContentType.APPLICATION_JSON;
    }

    private static Map<String, List<String>> headers(ClassicHttpResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header h : response.getHeaders()) {
            headers.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
        }
        return headers;
    }

    /** Timeouts become LangChain4j's TimeoutException (the chain records them as such); the rest keeps its cause. */
    private static RuntimeException translate(IOException e) {
        if (e instanceof SocketTimeoutException || e instanceof ConnectTimeoutException) {
            return new TimeoutException(e);
        }
        return new RuntimeException(e);
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // a listener's own failure must not end the stream's thread with a stack trace
        }
    }

    static final class Builder implements HttpClientBuilder {

        private final OutboundHttp outbound;
        private @Nullable Duration connectTimeout;
        private @Nullable Duration readTimeout;

        private Builder(OutboundHttp outbound) {
            this.outbound = outbound;
        }

        @Override
        public @Nullable Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(@Nullable Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public @Nullable Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(@Nullable Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            Duration read = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
            return new GuardedHttpClient(outbound, connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout,
                    read);
        }
    }
}
