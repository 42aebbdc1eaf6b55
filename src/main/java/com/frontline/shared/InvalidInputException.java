package com.frontline.shared;

import java.util.Map;

/** A form with one or more fields a person must fix; each message says how. Nothing was stored. */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidInputException(Map<String, String> errors) {
        super("Invalid input: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
