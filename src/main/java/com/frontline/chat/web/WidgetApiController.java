package com.frontline.chat.web;

import com.frontline.chat.Channel;
import com.frontline.chat.ChatMessage;
import com.frontline.chat.ChatService;
import com.frontline.chat.Conversation;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import com.frontline.tenants.PublicWidget;
import com.frontline.tenants.TenantService;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The chat API of the widget panel, for anonymous visitors. A visitor first gets a session token for their
 * conversation ({@code POST /widget/api/session}); every other call carries it in the {@code X-Widget-Token} header
 * (the event stream, which browsers open without custom headers, as the {@code token} parameter). The token names the
 * workspace, the conversation and the visitor, and each call looks the conversation up within that workspace only.
 * Errors are JSON {@code {"error": "…"}} written for the visitor.
 */
@RestController
class WidgetApiController {

    static final String TOKEN_HEADER = "X-Widget-Token";
    /** The id the panel makes for a browser and keeps in its storage. */
    private static final Pattern VISITOR = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final String EXPIRED = "Your chat session has expired. Please try again.";

    private final ChatService chat;
    private final ChatStream stream;
    private final TenantService tenants;
    private final WidgetTokens tokens;
    private final WidgetRateLimits limits;

    WidgetApiController(ChatService chat, ChatStream stream, TenantService tenants, WidgetTokens tokens,
                        WidgetRateLimits limits) {
        this.chat = chat;
        this.stream = stream;
        this.tenants = tenants;
        this.tokens = tokens;
        this.limits = limits;
    }

    /** A token that is missing, forged, expired or names a conversation the visitor does not have. */
    static final class BadTokenException extends RuntimeException {
        BadTokenException() {
            super("Bad widget token", null, false, false);
        }
    }

    /** The visitor's latest widget conversation in this workspace, or a new one, and a token for it. */
    @PostMapping("/widget/api/session")
    ResponseEntity<Map<String, Object>> session(@RequestParam(required = false) @Nullable String key,
                                                @RequestParam(required = false) @Nullable String visitor,
                                                @RequestParam(required = false) @Nullable String preview,
                                                @RequestParam(required = false) @Nullable String page,
                                                @RequestParam(required = false) @Nullable String name,
                                                @RequestParam(required = false) @Nullable String email,
                                                HttpServletRequest request) {
        PublicWidget widget = tenants.byWidgetKey(key).orElseThrow(() -> new NotFoundException("No such widget"));
        try (var mdc = MDC.putCloseable("tenant", widget.tenant().toString())) {
            if (visitor == null || !VISITOR.matcher(visitor).matches()) {
                throw InvalidInputException.of("visitor", "This browser's visitor id is not valid. Reload the page.");
            }
            var refused = limits.session(widget.tenant(), request.getRemoteAddr());
            if (refused.isPresent()) {
                return tooMany(refused.get());
            }
            // conversations from the portal's preview page are kept apart from real visitors' ones
            String visitorId = (tokens.isPreviewOf(preview, widget.tenant()) ? "preview:" : "visitor:") + visitor;
            Conversation conversation = chat.latest(widget.tenant(), Channel.WIDGET, visitorId)
                    .orElseGet(() -> chat.start(widget.tenant(), Channel.WIDGET, visitorId));
            chat.recordCustomer(widget.tenant(), conversation.id(), name, email, page);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(Map.of("token", tokens.session(widget.tenant(), conversation.id(), visitorId),
                            "conversationId", conversation.id(),
                            "expiresIn", tokens.ttl().toSeconds()));
        }
    }

    /** The conversation as server-sent events; citations link to their source's public address, if any. */
    @GetMapping(path = "/widget/api/events", produces = "text/event-stream")
    ResponseEntity<SseEmitter> events(@RequestParam(required = false) @Nullable String token,
                                      @RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String header,
                                      @RequestParam(defaultValue = "0") long after) {
        Optional<WidgetTokens.Session> session = tokens.verifySession(header != null ? header : token)
                .filter(this::owns);
        if (session.isEmpty()) {
            // no body: the browser's EventSource only reads event streams
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        WidgetTokens.Session s = session.get();
        return ResponseEntity.ok()
                .header("X-Accel-Buffering", "no")
                .body(stream.open(s.tenant(), s.conversationId(), Math.max(0, after), c -> c.url(), false));
    }

    @PostMapping("/widget/api/messages")
    ResponseEntity<Map<String, Object>> ask(@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token,
                                            @RequestParam(required = false) @Nullable String message,
                                            HttpServletRequest request) {
        WidgetTokens.Session s = session(token);
        try (var mdc = MDC.putCloseable("tenant", s.tenant().toString())) {
            var refused = limits.message(s.tenant(), s.visitorId(), request.getRemoteAddr());
            if (refused.isPresent()) {
                return tooMany(refused.get());
            }
            ChatMessage m = chat.ask(s.tenant(), s.conversationId(), message);
            return ResponseEntity.ok(Map.of("id", m.id(), "seq", m.seq()));
        }
    }

    @PostMapping("/widget/api/handoff")
    ResponseEntity<Map<String, Object>> handoff(@RequestHeader(name = TOKEN_HEADER, required = false)
                                                @Nullable String token) {
        WidgetTokens.Session s = session(token);
        try (var mdc = MDC.putCloseable("tenant", s.tenant().toString())) {
            chat.requestHandoff(s.tenant(), s.conversationId(), "The customer asked for a person.");
            return ResponseEntity.ok(Map.of("status", "WAITING"));
        }
    }

    @PostMapping("/widget/api/messages/{messageId}/feedback")
    ResponseEntity<Map<String, Object>> feedback(@RequestHeader(name = TOKEN_HEADER, required = false)
                                                 @Nullable String token, @PathVariable UUID messageId,
                                                 @RequestParam(defaultValue = "0") int value) {
        WidgetTokens.Session s = session(token);
        try (var mdc = MDC.putCloseable("tenant", s.tenant().toString())) {
            chat.feedback(s.tenant(), s.conversationId(), messageId, value);
            return ResponseEntity.ok(Map.of("feedback", value));
        }
    }

    // ---- errors, as JSON the panel shows -------------------------------------------------------------------------

    @ExceptionHandler(BadTokenException.class)
    ResponseEntity<Map<String, Object>> badToken() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", EXPIRED));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        String message = e.errors().values().stream().findFirst().orElse("Please check your message.");
        return ResponseEntity.unprocessableEntity().body(Map.of("error", message));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("error", "This chat is not available. Reload the page to start again."));
    }

    private static ResponseEntity<Map<String, Object>> tooMany(WidgetRateLimits.Refusal refusal) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.seconds()))
                .body(Map.of("error", refusal.message()));
    }

    private WidgetTokens.Session session(@Nullable String token) {
        return tokens.verifySession(token).filter(this::owns).orElseThrow(BadTokenException::new);
    }

    /**
     * The token's conversation exists in the token's workspace and is this visitor's widget conversation. Looked up
     * by the token's tenant, so a conversation of another workspace is simply not found.
     */
    private boolean owns(WidgetTokens.Session s) {
        try {
            Conversation c = chat.conversation(s.tenant(), s.conversationId());
            return c.channel() == Channel.WIDGET && c.visitorId().equals(s.visitorId());
        } catch (NotFoundException e) {
            return false;
        }
    }
}
