package com.frontline.knowledge.parsing;

import java.time.Duration;

/**
 * The running cost of one parse: elapsed time against the deadline, extracted characters against the cap. Extractors
 * call {@link #checkTime()} from their inner loops (every PDF content-stream operator, every HTML element), because a
 * deadline that is only checked between pages does not stop a single hostile page.
 */
final class Budget {

    private final DocumentLimits limits;
    private final long deadlineNanos;
    private long characters;

    Budget(DocumentLimits limits) {
        this.limits = limits;
        this.deadlineNanos = System.nanoTime() + limits.maxParseTime().toNanos();
    }

    /** For pasted text, which is already in memory and bounded by the request size. */
    static Budget unlimited() {
        return new Budget(new DocumentLimits(Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE,
                Duration.ofDays(365)));
    }

    DocumentLimits limits() {
        return limits;
    }

    void checkTime() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw Refusal.of(DocumentRejectedException.Reason.TOO_SLOW, "The document took longer than "
                    + limits.maxParseTime().toSeconds() + " seconds to read. Split it into smaller documents, "
                    + "or save it again from the original application and retry.");
        }
    }

    void addCharacters(long count) {
        characters += count;
        if (characters > limits.maxExtractedChars()) {
            throw tooMuchText(limits.maxExtractedChars());
        }
    }

    static Refusal tooMuchText(long max) {
        return Refusal.of(DocumentRejectedException.Reason.TOO_MUCH_TEXT, "The document contains more than "
                + String.format(java.util.Locale.ROOT, "%,d", max)
                + " characters of text. Split it into smaller documents and upload them separately.");
    }
}
