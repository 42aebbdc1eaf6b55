package com.frontline.alerts;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An alert as the list shows it.
 *
 * @param figures    the numbers that triggered it, in the order they were given
 * @param link       a path in the portal showing those numbers, or null
 * @param repeats    how often the same kind and key came up again within the throttle window (not raised again)
 * @param deliveries by e-mail and webhook (in the app it is always shown)
 */
public record Alert(UUID id, AlertKind kind, String key, String title, String summary, List<Figure> figures,
                    @Nullable String link, AlertStatus status, OffsetDateTime raisedAt, int repeats,
                    @Nullable OffsetDateTime lastRepeatedAt, @Nullable OffsetDateTime acknowledgedAt,
                    @Nullable String acknowledgedBy, @Nullable OffsetDateTime resolvedAt, @Nullable String resolvedBy,
                    List<AlertDelivery> deliveries) {

    /** One number: its name and its value as text. */
    public record Figure(String name, String value) {
    }

    public Alert withDeliveries(List<AlertDelivery> all) {
        return new Alert(id, kind, key, title, summary, figures, link, status, raisedAt, repeats, lastRepeatedAt,
                acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, List.copyOf(all));
    }
}
