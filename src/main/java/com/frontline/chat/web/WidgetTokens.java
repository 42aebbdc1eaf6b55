package com.frontline.chat.web;

import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed values the widget hands to the browser: a visitor's session token (naming tenant, conversation and visitor,
 * with an expiry) and an admin's preview ticket (naming the tenant). HMAC-SHA256 over a small text payload, by hand:
 * a JWT library would add a dependency and algorithm choices for a value only this server reads.
 */
@Component
class WidgetTokens {

    private static final Logger log = LoggerFactory.getLogger(WidgetTokens.class);
    private static final String SESSION = "w2";
    private static final String PREVIEW = "p1";
    static final Duration PREVIEW_TTL = Duration.ofHours(4);

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;

    /**
     * A visitor's session: their conversation in one workspace, opened on one website ({@code site}, an origin such
     * as {@code https://shop.example.com}; empty when the request that opened it named none).
     */
    record Session(TenantId tenant, UUID conversationId, String visitorId, String site, Instant expires) {

        boolean isBound() {
            return !site.isEmpty();
        }
    }

    @Autowired
    WidgetTokens(WidgetProperties properties) {
        this(properties, Clock.systemUTC());
    }

    WidgetTokens(WidgetProperties properties, Clock clock) {
        String configured = properties.tokenSecret();
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 32) {
                throw new IllegalStateException("frontline.widget.token-secret must have at least 32 characters");
            }
            secret = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.info("No frontline.widget.token-secret set: widget session tokens are signed with a random key made "
                    + "at this start (open chats renew theirs after a restart; several nodes need a shared secret)");
        }
        this.ttl = properties.tokenTtl();
        this.clock = clock;
    }

    Duration ttl() {
        return ttl;
    }

    String session(TenantId tenant, UUID conversationId, String visitorId) {
        return session(tenant, conversationId, visitorId, "");
    }

    /** A token bound to the website ({@code site}, an origin, or empty for none) it was made for. */
    String session(TenantId tenant, UUID conversationId, String visitorId, String site) {
        if (site.contains("|")) {
            throw new IllegalArgumentException("Not an origin: " + site);
        }
        long expires = clock.instant().plus(ttl).getEpochSecond();
        return sign(SESSION + "|" + tenant.value() + "|" + conversationId + "|" + visitorId + "|" + site + "|"
                + expires);
    }

    /** The session a token names, if it is well-formed, signed by this server and not expired. */
    Optional<Session> verifySession(@Nullable String token) {
        return payload(token).flatMap(p -> {
            String[] parts = p.split("\\|", -1);
            if (parts.length != 6 || !SESSION.equals(parts[0])) {
                return Optional.empty();
            }
            try {
                Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[5]));
                if (!clock.instant().isBefore(expires)) {
                    return Optional.empty();
                }
                return Optional.of(new Session(TenantId.of(UUID.fromString(parts[1])), UUID.fromString(parts[2]),
                        parts[3], parts[4], expires));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** A ticket that lets the portal's own preview page show the widget of this workspace. */
    String preview(TenantId tenant) {
        long expires = clock.instant().plus(PREVIEW_TTL).getEpochSecond();
        return sign(PREVIEW + "|" + tenant.value() + "|" + expires);
    }

    boolean isPreviewOf(@Nullable String ticket, TenantId tenant) {
        return payload(ticket).map(p -> {
            String[] parts = p.split("\\|", -1);
            try {
                return parts.length == 3 && PREVIEW.equals(parts[0])
                        && tenant.value().equals(UUID.fromString(parts[1]))
                        && clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(parts[2])));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }).orElse(false);
    }

    private String sign(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return b64.encodeToString(bytes) + "." + b64.encodeToString(mac(bytes));
    }

    private Optional<String> payload(@Nullable String token) {
        if (token == null || token.length() > 600) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            byte[] payload = b64.decode(token.substring(0, dot));
            byte[] signature = b64.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            return Optional.of(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
