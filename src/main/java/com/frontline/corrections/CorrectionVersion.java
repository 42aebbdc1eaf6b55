package com.frontline.corrections;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

/** One text a correction had; an edit adds one and keeps the older ones. */
public record CorrectionVersion(int textVersion, String question, String answer, @Nullable String sourceUrl,
                                @Nullable String category, String writtenBy, OffsetDateTime createdAt) {
}
