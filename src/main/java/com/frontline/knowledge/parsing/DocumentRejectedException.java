package com.frontline.knowledge.parsing;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * A document the knowledge base will not ingest. {@link #userMessage()} is safe to show to the uploader as is (it
 * never echoes file content or library internals); {@link #reason()} is for metrics and logs.
 */
public class DocumentRejectedException extends Exception {

    public enum Reason {
        TOO_LARGE,
        TOO_MANY_PAGES,
        TOO_MUCH_TEXT,
        TOO_SLOW,
        UNSUPPORTED_TYPE,
        LEGACY_FORMAT,
        MACROS,
        ENCRYPTED,
        CORRUPT,
        NO_TEXT,
        MISSING_COLUMNS
    }

    private final Reason reason;
    private final String userMessage;

    public DocumentRejectedException(Reason reason, String userMessage) {
        this(reason, userMessage, null);
    }

    public DocumentRejectedException(Reason reason, String userMessage, @Nullable Throwable cause) {
        super(reason + ": " + userMessage, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.userMessage = Objects.requireNonNull(userMessage, "userMessage");
    }

    public Reason reason() {
        return reason;
    }

    public String userMessage() {
        return userMessage;
    }
}
