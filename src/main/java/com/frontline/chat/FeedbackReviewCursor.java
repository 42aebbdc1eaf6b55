package com.frontline.chat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A position in the review list, newest first: the page after it starts with answers older than {@code (at, id)}.
 * Written in links as {@code <epoch microseconds>_<id>}.
 */
public record FeedbackReviewCursor(OffsetDateTime at, UUID id) {

    public String token() {
        Instant i = at.toInstant();
        return ChronoUnit.MICROS.between(Instant.EPOCH, i) + "_" + id;
    }

    /** @throws IllegalArgumentException not a token written by {@link #token()} */
    public static FeedbackReviewCursor parse(String token) {
        int sep = token.indexOf('_');
        if (sep < 1 || token.length() > 80) {
            throw new IllegalArgumentException("Not a page position");
        }
        try {
            long micros = Long.parseLong(token.substring(0, sep));
            UUID id = UUID.fromString(token.substring(sep + 1));
            return new FeedbackReviewCursor(
                    OffsetDateTime.ofInstant(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), ZoneOffset.UTC), id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a page position", e);
        }
    }
}
