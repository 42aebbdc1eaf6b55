package com.frontline.chat.web;

import com.frontline.chat.ChatEvent;
import com.frontline.chat.ChatMessage;
import com.frontline.chat.ChatService;
import com.frontline.chat.Citation;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A conversation as server-sent events, for the playground, the widget and the inbox. On connect it replays the
 * stored messages after {@code after} (so a reconnect misses nothing), then forwards live events: {@code message},
 * {@code answer-start}, {@code token}, {@code answer-restart}, {@code status} and, for the playground,
 * {@code retrieved} and {@code providers-failed}. Every payload is JSON; clients render all text as text, never as HTML.
 */
@Component
class ChatStream {

    private static final Logger log = LoggerFactory.getLogger(ChatStream.class);
    /** A browser reconnects by itself when the stream ends; ending it bounds how long a request is held. */
    static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final long KEEP_ALIVE_SECONDS = 20;

    private final ChatService chat;
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sse-keepalive").daemon().factory());
    /** The streams this node holds open, ended when it shuts down. */
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    /** Set when the app shuts down: a browser that reconnects meanwhile gets an ended stream, not a held request. */
    private volatile boolean shuttingDown;

    ChatStream(ChatService chat) {
        this.chat = chat;
    }

    /**
     * @param links    the link a citation shows to this audience, or null for none
     * @param withDebug whether retrieval details are sent (the playground)
     */
    SseEmitter open(TenantId tenant, UUID conversationId, long after, Function<Citation, @Nullable String> links,
                    boolean withDebug) {
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        if (shuttingDown) {
            // the browser's reconnect after endAll(): ended at once, so the graceful shutdown need not wait for it
            emitter.complete();
            return emitter;
        }
        Object lock = new Object();
        AutoCloseable[] subscription = new AutoCloseable[1];
        Runnable close = () -> {
            try {
                if (subscription[0] != null) {
                    subscription[0].close();
                }
            } catch (Exception ignored) {
                // nothing to release
            }
        };
        // subscribe before reading the history: an event in between arrives twice at worst, and clients skip
        // messages they already have (by seq)
        subscription[0] = chat.subscribe(tenant, conversationId, event -> {
            if ((event instanceof ChatEvent.Retrieved || event instanceof ChatEvent.ProvidersFailed) && !withDebug) {
                return;
            }
            send(emitter, lock, name(event), payload(event, links), close);
        });
        ScheduledFuture<?> ping = keepAlive.scheduleAtFixedRate(() -> {
            synchronized (lock) {
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException e) {
                    close.run();
                }
            }
        }, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        open.add(emitter);
        emitter.onCompletion(() -> {
            open.remove(emitter);
            ping.cancel(false);
            close.run();
        });
        emitter.onTimeout(emitter::complete);
        emitter.onError(e -> {
            open.remove(emitter);
            close.run();
        });
        for (ChatMessage m : chat.messages(tenant, conversationId, after)) {
            send(emitter, lock, "message", message(m, links), close);
        }
        send(emitter, lock, "status", Map.of("status", chat.conversation(tenant, conversationId).status().name()),
                close);
        return emitter;
    }

    /**
     * Ends every open stream when the app shuts down, before the web server's graceful shutdown starts waiting for
     * active requests: an open stream is one, so each shutdown used to wait the full grace period (30 s). Browsers
     * reconnect by themselves (to another node, or to this one when it is back) and replay what they missed.
     */
    @EventListener(ContextClosedEvent.class)
    void shutDown() {
        shuttingDown = true;
        endAll();
    }

    /** Ends every open stream (new ones may open). */
    void endAll() {
        int ended = 0;
        for (SseEmitter emitter : List.copyOf(open)) {
            open.remove(emitter);
            try {
                emitter.complete();
                ended++;
            } catch (RuntimeException e) {
                log.debug("A chat stream could not be ended: {}", e.toString());
            }
        }
        if (ended > 0) {
            log.info("Shutting down: ended {} open chat streams", ended);
        }
    }

    /** How many streams are open on this node. */
    int openStreams() {
        return open.size();
    }

    private static void send(SseEmitter emitter, Object lock, String name, Object data, Runnable close) {
        synchronized (lock) {
            try {
                emitter.send(SseEmitter.event().name(name).data(data, org.springframework.http.MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                log.debug("A chat stream closed: {}", e.toString());
                close.run();
            }
        }
    }

    private static String name(ChatEvent event) {
        return switch (event) {
            case ChatEvent.MessageAdded m -> "message";
            case ChatEvent.AnswerStarted s -> "answer-start";
            case ChatEvent.AnswerToken t -> "token";
            case ChatEvent.AnswerRestarted r -> "answer-restart";
            case ChatEvent.Retrieved r -> "retrieved";
            case ChatEvent.ProvidersFailed f -> "providers-failed";
            case ChatEvent.StatusChanged s -> "status";
        };
    }

    private static Object payload(ChatEvent event, Function<Citation, @Nullable String> links) {
        return switch (event) {
            case ChatEvent.MessageAdded m -> message(m.message(), links);
            case ChatEvent.AnswerStarted s -> Map.of("id", s.answerId());
            case ChatEvent.AnswerToken t -> Map.of("id", t.answerId(), "delta", t.delta());
            case ChatEvent.AnswerRestarted r -> Map.of("id", r.answerId());
            case ChatEvent.Retrieved r -> Map.of("id", r.answerId(), "query", r.query(), "passages", r.passages(),
                    "searched", r.searched());
            case ChatEvent.ProvidersFailed f -> Map.of("id", f.answerId(), "failures", f.failures(),
                    "answeredBy", f.answeredBy());
            case ChatEvent.StatusChanged s -> s.agentName() == null ? Map.of("status", s.status().name())
                    : Map.of("status", s.status().name(), "agent", s.agentName());
        };
    }

    static Map<String, Object> message(ChatMessage m, Function<Citation, @Nullable String> links) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("seq", m.seq());
        out.put("author", m.author().name());
        out.put("name", m.authorName());
        out.put("text", m.text());
        List<Map<String, Object>> citations = new ArrayList<>();
        for (Citation c : m.citations()) {
            Map<String, Object> citation = new LinkedHashMap<>();
            citation.put("number", c.number());
            citation.put("title", c.title());
            citation.put("snippet", c.snippet());
            citation.put("href", links.apply(c));
            citations.add(citation);
        }
        out.put("citations", citations);
        out.put("confidence", m.confidence());
        out.put("lowConfidence", m.lowConfidence());
        out.put("extractive", m.extractive());
        out.put("smallTalk", m.smallTalk());
        out.put("clarifying", m.clarifyingQuestion());
        out.put("verified", m.verified());
        out.put("feedback", m.feedback());
        out.put("feedbackReasons", m.feedbackReasons().stream().map(Enum::name).toList());
        out.put("feedbackComment", m.feedbackComment());
        out.put("at", m.createdAt().toString());
        return out;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        keepAlive.shutdownNow();
    }
}
