package com.frontline.shared;

/** A missing row, or one that belongs to another workspace: both answer 404 so that nothing leaks. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String what, Object id) {
        return new NotFoundException(what + " " + id + " not found");
    }
}
