package com.frontline.llm.internal;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One model call (or skipped hop), as recorded; {@code occurredAt} is set by the database on insert. */
public record UsageRecord(@Nullable OffsetDateTime occurredAt, @Nullable UUID conversationId,
                          @Nullable UUID providerId, String provider, String providerKind, String model,
                          Purpose purpose, String route, String routingReason, int complexity, int hop,
                          int tokensIn, int tokensOut, BigDecimal costUsd, int latencyMs, Outcome outcome,
                          boolean failover, @Nullable String error) {

    /** The route as shown to admins ("Simple → cheap model"); a key this version does not know shows as stored. */
    public String routeLabel() {
        for (Route r : Route.values()) {
            if (r.key().equals(route)) {
                return r.label();
            }
        }
        return route;
    }
}
