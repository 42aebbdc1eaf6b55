package com.frontline.shared;

/** A member of the workspace whose role does not allow the action. */
public class ForbiddenException extends RuntimeException {

    private final Role required;

    public ForbiddenException(Role required) {
        super("This needs the " + required.label() + " role or higher.");
        this.required = required;
    }

    public Role required() {
        return required;
    }
}
