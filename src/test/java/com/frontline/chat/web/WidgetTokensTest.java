package com.frontline.chat.web;

import com.frontline.shared.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WidgetTokensTest {

    static final TenantId TENANT = TenantId.of(UUID.randomUUID());
    static final UUID CONVERSATION = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static WidgetTokens tokens(String secret, Instant now) {
        return new WidgetTokens(new WidgetProperties(secret, Duration.ofHours(2), 5, Duration.ofSeconds(20), 60, 600,
                Duration.ofMinutes(1)), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenNamesItsSessionUntilItExpires() {
        String secret = "x".repeat(40);
        String token = tokens(secret, NOW).session(TENANT, CONVERSATION, "visitor:abc");
        var session = tokens(secret, NOW.plus(Duration.ofMinutes(119))).verifySession(token).orElseThrow();
        assertThat(session.tenant()).isEqualTo(TENANT);
        assertThat(session.conversationId()).isEqualTo(CONVERSATION);
        assertThat(session.visitorId()).isEqualTo("visitor:abc");
        assertThat(tokens(secret, NOW.plus(Duration.ofHours(2))).verifySession(token)).isEmpty();
    }

    @Test
    void anotherSecretOrATicketIsNoSessionToken() {
        String token = tokens("x".repeat(40), NOW).session(TENANT, CONVERSATION, "visitor:abc");
        assertThat(tokens("y".repeat(40), NOW).verifySession(token)).isEmpty();
        // without a configured secret each start makes its own: tokens die with a restart
        assertThat(tokens(null, NOW).verifySession(tokens(null, NOW).session(TENANT, CONVERSATION, "v"))).isEmpty();
        WidgetTokens same = tokens("x".repeat(40), NOW);
        String ticket = same.preview(TENANT);
        assertThat(same.verifySession(ticket)).isEmpty();
        assertThat(same.isPreviewOf(ticket, TENANT)).isTrue();
        assertThat(same.isPreviewOf(ticket, TenantId.of(UUID.randomUUID()))).isFalse();
        assertThat(same.isPreviewOf(token, TENANT)).isFalse();
        assertThat(tokens("x".repeat(40), NOW.plus(Duration.ofHours(5))).isPreviewOf(ticket, TENANT)).isFalse();
    }

    @Test
    void aShortSecretIsRefusedAtStart() {
        assertThatThrownBy(() -> tokens("short", NOW)).hasMessageContaining("at least 32 characters");
    }
}
