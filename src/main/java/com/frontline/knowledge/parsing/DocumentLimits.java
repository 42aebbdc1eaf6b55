package com.frontline.knowledge.parsing;

import java.time.Duration;
import java.util.Objects;

/**
 * Upper bounds for one parse. Each guards a different resource: {@code maxBytes} the upload and disk, {@code maxPages}
 * the PDF work (page trees can be tiny on disk yet huge to render), {@code maxExtractedChars} heap and the number of
 * chunks (and so the embedding bill), {@code maxParseTime} a worker thread.
 * <p>
 * Exceeding any of them is a refusal, never a silent truncation: a manual whose second half quietly went missing would
 * make the assistant answer "not in the documents" with confidence, which is worse than asking the user to split it.
 */
public record DocumentLimits(long maxBytes, int maxPages, long maxExtractedChars, Duration maxParseTime) {

    public DocumentLimits {
        Objects.requireNonNull(maxParseTime, "maxParseTime");
        if (maxBytes <= 0 || maxPages <= 0 || maxExtractedChars <= 0 || maxParseTime.isNegative()
                || maxParseTime.isZero()) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytes + ", " + maxPages + ", "
                    + maxExtractedChars + ", " + maxParseTime);
        }
    }

    /**
     * 25 MB covers large product manuals with images; 2,000 pages and 5,000,000 characters (about 2,500 dense pages)
     * cover any single policy or manual while keeping the extracted text (UTF-16 in the heap, about 10 MB) and the
     * resulting chunk count (about 5,000) bounded; 60 s lets a slow 2-core node finish a 2,000-page PDF.
     */
    public static DocumentLimits defaults() {
        return new DocumentLimits(25L * 1024 * 1024, 2_000, 5_000_000L, Duration.ofSeconds(60));
    }

    public DocumentLimits withMaxBytes(long value) {
        return new DocumentLimits(value, maxPages, maxExtractedChars, maxParseTime);
    }

    public DocumentLimits withMaxPages(int value) {
        return new DocumentLimits(maxBytes, value, maxExtractedChars, maxParseTime);
    }

    public DocumentLimits withMaxExtractedChars(long value) {
        return new DocumentLimits(maxBytes, maxPages, value, maxParseTime);
    }

    public DocumentLimits withMaxParseTime(Duration value) {
        return new DocumentLimits(maxBytes, maxPages, maxExtractedChars, value);
    }
}
