package com.frontline.chat;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One announcement of a handoff to the workspace's webhook, and how it went. */
public record WebhookDelivery(UUID id, UUID conversationId, String url, String status, int attempts,
                              @Nullable String lastError, OffsetDateTime createdAt,
                              @Nullable OffsetDateTime deliveredAt) {

    /** As shown to admins: a pending call is one still being retried. */
    public String statusLabel() {
        return switch (status) {
            case "PENDING" -> "Retrying";
            case "DELIVERED" -> "Delivered";
            case "FAILED" -> "Failed";
            default -> status;
        };
    }
}
