package com.frontline.shared;

/**
 * A business rule refused the action; the message is written for the person who tried it and is shown where they
 * are (inline for htmx requests).
 */
public class UserFacingException extends RuntimeException {

    private final String field;

    public UserFacingException(String message) {
        this(null, message);
    }

    public UserFacingException(String field, String message) {
        super(message);
        this.field = field == null ? "" : field;
    }

    /** The form field the message belongs to, or empty for a form-wide message. */
    public String field() {
        return field;
    }
}
