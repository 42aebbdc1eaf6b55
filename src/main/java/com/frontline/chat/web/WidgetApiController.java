package com.frontline.chat.web;

import com.frontline.chat.AnswerFeedback;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatMessage;
import com.frontline.chat.ChatService;
import com.frontline.chat.Conversation;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.PortalProperties;
import com.frontline.shared.web.DatabaseUnavailable;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
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
 * <p>
 * Websites: a session is opened for the website the visitor is on, which must be one of the workspace's allowed
 * websites. That is the request's {@code Origin} when a page calls the API itself, or, for the panel (framed from the
 * portal, so its calls come from the portal's own origin), the host page's origin it sends as {@code site}. The token
 * is bound to that website: a call whose {@code Origin} is another website is refused, so a token minted for site A
 * does not work from site B. A request that names no website at all (not a browser) gets an unbound token, which no
 * other website can use either.
 */
@RestController
class WidgetApiController {

    static final String TOKEN_HEADER = "X-Widget-Token";
    /** The id the panel makes for a browser and keeps in its storage. */
    private static final Pattern VISITOR = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final String EXPIRED = "Your chat session has expired. Please try again.";
    private static final String NOT_ALLOWED = "This website is not allowed to show this chat widget. Add its address "
            + "under Settings → Website widget.";
    private static final String OTHER_SITE = "This chat was opened on another website. Reload the page to start again.";

    private final ChatService chat;
    private final ChatStream stream;
    private final TenantService tenants;
    private final WidgetTokens tokens;
    private final WidgetRateLimits limits;
    private final PortalProperties portal;

    WidgetApiController(ChatService chat, ChatStream stream, TenantService tenants, WidgetTokens tokens,
                        WidgetRateLimits limits, PortalProperties portal) {
        this.portal = portal;
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

    /** A call from a website other than the one its token was made for. */
    static final class OtherSiteException extends RuntimeException {
        OtherSiteException() {
            super("Widget token used from another website", null, false, false);
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
                                                @RequestParam(required = false) @Nullable String site,
                                                @RequestHeader(name = HttpHeaders.ORIGIN, required = false)
                                                @Nullable String origin,
                                                HttpServletRequest request) {
        PublicWidget widget = tenants.byWidgetKey(key).orElseThrow(() -> new NotFoundException("No such widget"));
        try (var mdc = MDC.putCloseable("tenant", widget.tenant().toString())) {
            if (visitor == null || !VISITOR.matcher(visitor).matches()) {
                throw InvalidInputException.of("visitor", "This browser's visitor id is not valid. Reload the page.");
            }
            boolean previewing = tokens.isPreviewOf(preview, widget.tenant());
            // the page's own origin when it calls us itself, else the host page the panel says it is framed by
            String website = origin != null && !isPortal(origin, request) ? origin
                    : site != null && !site.isBlank() ? site.strip() : "";
            if (!website.isEmpty() && !widget.allows(website) && !(previewing && isPortal(website, request))) {
                return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", NOT_ALLOWED));
            }
            var refused = limits.sessionCall(widget.tenant(), request.getRemoteAddr());
            if (refused.isPresent()) {
                return tooMany(refused.get());
            }
            // conversations from the portal's preview page are kept apart from real visitors' ones
            String visitorId = (previewing ? "preview:" : "visitor:") + visitor;
            Optional<Conversation> latest = chat.latest(widget.tenant(), Channel.WIDGET, visitorId);
            if (latest.isEmpty()) {
                // only a new conversation counts against the address's new sessions: a returning visitor's renewal
                // or reconnect does not (see WidgetRateLimits)
                refused = limits.newSession(widget.tenant(), request.getRemoteAddr());
                if (refused.isPresent()) {
                    return tooMany(refused.get());
                }
            }
            Conversation conversation = latest.orElseGet(() -> chat.start(widget.tenant(), Channel.WIDGET, visitorId));
            chat.recordCustomer(widget.tenant(), conversation.id(), name, email, page);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(Map.of("token", tokens.session(widget.tenant(), conversation.id(), visitorId,
                                    website.toLowerCase(java.util.Locale.ROOT)),
                            "conversationId", conversation.id(),
                            "expiresIn", tokens.ttl().toSeconds()));
        }
    }

    /** The conversation as server-sent events; citations link to their source's public address, if any. */
    @GetMapping(path = "/widget/api/events", produces = "text/event-stream")
    ResponseEntity<SseEmitter> events(@RequestParam(required = false) @Nullable String token,
                                      @RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String header,
                                      @RequestParam(defaultValue = "0") long after,
                                      @RequestHeader(name = HttpHeaders.ORIGIN, required = false)
                                      @Nullable String origin, HttpServletRequest request) {
        Optional<WidgetTokens.Session> session = tokens.verifySession(header != null ? header : token)
                .filter(this::owns);
        if (session.isPresent() && !fromItsSite(session.get(), origin, request)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
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
                                            @RequestHeader(name = HttpHeaders.ORIGIN, required = false)
                                            @Nullable String origin, HttpServletRequest request) {
        WidgetTokens.Session s = session(token, origin, request);
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
                                                @Nullable String token,
                                                @RequestHeader(name = HttpHeaders.ORIGIN, required = false)
                                                @Nullable String origin, HttpServletRequest request) {
        WidgetTokens.Session s = session(token, origin, request);
        try (var mdc = MDC.putCloseable("tenant", s.tenant().toString())) {
            chat.requestHandoff(s.tenant(), s.conversationId(), "The customer asked for a person.");
            return ResponseEntity.ok(Map.of("status", "WAITING"));
        }
    }

    /**
     * Rates an answer of the visitor's conversation: {@code value} 1 or -1 and, for a -1, optional {@code reasons}
     * ({@link com.frontline.chat.FeedbackReason} names, repeated) and {@code comment}. Rating again replaces it.
     */
    @PostMapping("/widget/api/messages/{messageId}/feedback")
    ResponseEntity<Map<String, Object>> feedback(@RequestHeader(name = TOKEN_HEADER, required = false)
                                                 @Nullable String token, @PathVariable UUID messageId,
                                                 @RequestParam(required = false) @Nullable String value,
                                                 @RequestParam(required = false) @Nullable List<String> reasons,
                                                 @RequestParam(required = false) @Nullable String comment,
                                                 @RequestHeader(name = HttpHeaders.ORIGIN, required = false)
                                                 @Nullable String origin, HttpServletRequest request) {
        WidgetTokens.Session s = session(token, origin, request);
        try (var mdc = MDC.putCloseable("tenant", s.tenant().toString())) {
            var refused = limits.rating(s.tenant(), s.visitorId(), request.getRemoteAddr());
            if (refused.isPresent()) {
                return tooMany(refused.get());
            }
            AnswerFeedback feedback = AnswerFeedback.parse(value, reasons, comment);
            chat.feedback(s.tenant(), s.conversationId(), messageId, feedback);
            return ResponseEntity.ok(Map.of("feedback", feedback.value(),
                    "reasons", feedback.reasons().stream().map(Enum::name).toList()));
        }
    }

    /**
     * The visitor closed the chat or left the page: sent with {@code navigator.sendBeacon}, which cannot set headers,
     * so the token comes as the {@code token} parameter (or the header). Feeds the implicit signals ("left quickly").
     */
    @PostMapping("/widget/api/left")
    ResponseEntity<Map<String, Object>> left(@RequestParam(required = false) @Nullable String token,
                                             @RequestHeader(name = TOKEN_HEADER, required = false)
                                             @Nullable String header,
                                             @RequestHeader(name = HttpHeaders.ORIGIN, required = false)
                                             @Nullable String origin, HttpServletRequest request) {
        WidgetTokens.Session s = session(header != null ? header : token, origin, request);
        try (var mdc = MDC.putCloseable("tenant", s.tenant().toString())) {
            var refused = limits.rating(s.tenant(), s.visitorId(), request.getRemoteAddr());
            if (refused.isPresent()) {
                return tooMany(refused.get());
            }
            chat.visitorLeft(s.tenant(), s.conversationId());
            return ResponseEntity.noContent().build();
        }
    }

    // ---- errors, as JSON the panel shows -------------------------------------------------------------------------

    @ExceptionHandler(BadTokenException.class)
    ResponseEntity<Map<String, Object>> badToken() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", EXPIRED));
    }

    @ExceptionHandler(OtherSiteException.class)
    ResponseEntity<Map<String, Object>> otherSite() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", OTHER_SITE));
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

    @ExceptionHandler({org.springframework.dao.DataAccessException.class,
            org.springframework.transaction.CannotCreateTransactionException.class,
            org.jooq.exception.DataAccessException.class})
    ResponseEntity<Map<String, Object>> databaseUnavailable(Exception e) throws Exception {
        if (!DatabaseUnavailable.is(e)) {
            throw e;
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                .body(Map.of("error", "The chat is not available for a moment. Please try again in a few seconds."));
    }

    private static ResponseEntity<Map<String, Object>> tooMany(WidgetRateLimits.Refusal refusal) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.seconds()))
                .body(Map.of("error", refusal.message()));
    }

    private WidgetTokens.Session session(@Nullable String token, @Nullable String origin,
                                         HttpServletRequest request) {
        WidgetTokens.Session s = tokens.verifySession(token).filter(this::owns).orElseThrow(BadTokenException::new);
        if (!fromItsSite(s, origin, request)) {
            throw new OtherSiteException();
        }
        return s;
    }

    /**
     * The call comes from the portal itself (the panel), names no origin (a same-origin GET, not a browser), or
     * from the very website the token was made for.
     */
    private boolean fromItsSite(WidgetTokens.Session s, @Nullable String origin, HttpServletRequest request) {
        return origin == null || isPortal(origin, request) || (s.isBound() && s.site().equalsIgnoreCase(origin.strip()));
    }

    /** The portal's own origin: as this request reached it, or as configured publicly. */
    private boolean isPortal(String origin, HttpServletRequest request) {
        String candidate = origin.strip();
        if (candidate.equalsIgnoreCase(originOf(ServletUriComponentsBuilder.fromContextPath(request).toUriString()))) {
            return true;
        }
        String configured = portal.publicUrl();
        return configured != null && !configured.isBlank() && candidate.equalsIgnoreCase(originOf(configured));
    }

    private static String originOf(String url) {
        var uri = UriComponentsBuilder.fromUriString(url).build();
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
        return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
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
