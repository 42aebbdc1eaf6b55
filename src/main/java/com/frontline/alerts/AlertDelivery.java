package com.frontline.alerts;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One delivery of an alert outside the app.
 *
 * @param target    the e-mail recipients, or the webhook's host
 * @param status    PENDING (trying, retried with back-off), DELIVERED, FAILED (gave up) or SKIPPED (nothing to
 *                  deliver with: no mail server, no recipient)
 * @param lastError what went wrong last, in words for the admin
 */
public record AlertDelivery(UUID id, UUID alertId, Channel channel, String target, String status, int attempts,
                            @Nullable String lastError, @Nullable OffsetDateTime deliveredAt) {

    public enum Channel {
        EMAIL("E-mail"), WEBHOOK("Webhook");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What the list shows of the target: the recipients, or only the webhook's host (its path is a secret). */
    public String targetLabel() {
        if (channel == Channel.EMAIL) {
            return target;
        }
        try {
            String host = java.net.URI.create(target).getHost();
            return host == null ? "the webhook" : host;
        } catch (IllegalArgumentException e) {
            return "the webhook";
        }
    }

    /** The status in words: "sent", "skipped", "retrying", "gave up". */
    public String statusLabel() {
        return switch (status) {
            case "DELIVERED" -> channel == Channel.EMAIL ? "sent" : "delivered";
            case "SKIPPED" -> "skipped";
            case "FAILED" -> "gave up";
            default -> attempts == 0 ? "sending" : "retrying";
        };
    }

    public String css() {
        return switch (status) {
            case "DELIVERED" -> "ok";
            case "FAILED" -> "bad";
            case "SKIPPED" -> "off";
            default -> "running";
        };
    }
}
