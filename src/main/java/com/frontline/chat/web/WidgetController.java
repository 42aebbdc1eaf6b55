package com.frontline.chat.web;

import com.frontline.assistants.AssistantVersions;
import com.frontline.tenants.Persona;
import com.frontline.tenants.PublicWidget;
import com.frontline.tenants.TenantService;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.WebRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The website widget as the host page meets it: the loader script, its configuration (only for the workspace's
 * allowed websites) and the chat panel page that the script frames.
 */
@Controller
class WidgetController {

    private static final Logger log = LoggerFactory.getLogger(WidgetController.class);
    /** Short enough that a new version reaches visitors within minutes; the ETag makes re-checks cheap. */
    static final Duration SCRIPT_MAX_AGE = Duration.ofMinutes(10);

    private final TenantService tenants;
    private final WidgetTokens tokens;
    private volatile byte @Nullable [] script;
    private volatile @Nullable String scriptEtag;

    private final AssistantVersions versions;

    WidgetController(TenantService tenants, WidgetTokens tokens, AssistantVersions versions) {
        this.tenants = tenants;
        this.tokens = tokens;
        this.versions = versions;
    }

    /**
     * The widget with the live assistant version's name and greeting: visitors meet the assistant that answers
     * them, not a draft someone is still editing.
     */
    private Optional<PublicWidget> widget(@Nullable String key) {
        return tenants.byWidgetKey(key).map(w -> {
            Persona live = versions.liveConfig(w.tenant()).persona();
            return new PublicWidget(w.tenant(), w.publicKey(), w.workspaceName(), live.assistantName(),
                    live.greeting(), w.branding(), w.allowedOrigins());
        });
    }

    /** {@code <script src="…/widget.js" data-key="pk_…" async>} on the workspace's website. */
    @GetMapping("/widget.js")
    ResponseEntity<byte[]> script(WebRequest request) {
        byte[] body = loadScript();
        if (request.checkNotModified(scriptEtag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).build();
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(SCRIPT_MAX_AGE).cachePublic())
                .eTag(scriptEtag)
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .body(body);
    }

    /**
     * What the loader script needs to draw the launcher. Readable cross-origin only by the workspace's allowed
     * websites (the CORS header names the request's origin); any other origin gets 403 without it, so the script
     * draws nothing. The portal's own preview page passes a signed ticket instead.
     */
    @GetMapping("/widget/config")
    @ResponseBody
    ResponseEntity<Map<String, Object>> config(@RequestParam(required = false) @Nullable String key,
                                               @RequestParam(required = false) @Nullable String preview,
                                               @RequestHeader(name = HttpHeaders.ORIGIN, required = false)
                                               @Nullable String origin) {
        Optional<PublicWidget> found = widget(key);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).header(HttpHeaders.VARY, HttpHeaders.ORIGIN)
                    .body(Map.of("error", "There is no chat widget with this key. Copy the snippet again from "
                            + "Settings → Website widget."));
        }
        PublicWidget widget = found.get();
        boolean previewing = tokens.isPreviewOf(preview, widget.tenant());
        if (!previewing && !widget.allows(origin)) {
            log.debug("Widget config refused for origin {} (tenant {})", origin, widget.tenant());
            return ResponseEntity.status(HttpStatus.FORBIDDEN).header(HttpHeaders.VARY, HttpHeaders.ORIGIN)
                    .body(Map.of("error", "This website is not allowed to show this chat widget. Add its address "
                            + "under Settings → Website widget."));
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("assistantName", widget.assistantName());
        config.put("workspaceName", widget.workspaceName());
        config.put("color", widget.branding().primaryColor());
        config.put("textColor", widget.branding().textColor());
        config.put("position", widget.branding().widgetPosition().name());
        config.put("frame", "/widget/frame?key=" + widget.publicKey()
                + (previewing ? "&preview=" + preview : ""));
        var response = ResponseEntity.ok().header(HttpHeaders.VARY, HttpHeaders.ORIGIN)
                .cacheControl(CacheControl.noCache());
        if (origin != null && widget.allows(origin)) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
        return response.body(config);
    }

    /**
     * The chat panel, framed by the loader script. Only the workspace's allowed websites may frame it
     * ({@code frame-ancestors}); with a valid preview ticket, the portal's own pages too.
     */
    @GetMapping("/widget/frame")
    String frame(@RequestParam(required = false) @Nullable String key,
                 @RequestParam(required = false) @Nullable String preview, Model model,
                 HttpServletResponse response) {
        Optional<PublicWidget> found = widget(key);
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setHeader("Content-Security-Policy", policy(List.of(), false));
            return "widget/missing";
        }
        PublicWidget widget = found.get();
        boolean previewing = tokens.isPreviewOf(preview, widget.tenant());
        response.setHeader("Content-Security-Policy", policy(widget.allowedOrigins(), previewing));
        model.addAttribute("widget", widget);
        model.addAttribute("preview", previewing ? preview : null);
        model.addAttribute("logo", widget.branding().hasLogo()
                ? "/widget/logo?key=" + widget.publicKey() + "&v=" + widget.branding().logoVersion() : null);
        return "widget/frame";
    }

    /** The widget's default policy with {@code frame-ancestors} naming the websites that may show the panel. */
    static String policy(List<String> origins, boolean portalToo) {
        List<String> ancestors = new java.util.ArrayList<>(origins);
        if (portalToo) {
            ancestors.add("'self'");
        }
        String frameAncestors = "frame-ancestors " + (ancestors.isEmpty() ? "'none'" : String.join(" ", ancestors));
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; " + frameAncestors + "; form-action 'self'; base-uri 'self'; "
                + "object-src 'none'";
    }

    private byte[] loadScript() {
        byte[] body = script;
        if (body == null) {
            try (var in = new ClassPathResource("static/js/widget.js").getInputStream()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("widget.js is missing from the build", e);
            }
            // weak: the server gzips the script for browsers that ask (other bytes, same script), and Tomcat does
            // not compress a response that carries a strong ETag
            scriptEtag = "W/\"" + DigestUtils.md5DigestAsHex(body) + "\"";
            script = body;
        }
        return body;
    }
}
