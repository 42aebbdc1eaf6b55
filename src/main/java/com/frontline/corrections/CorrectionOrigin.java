package com.frontline.corrections;

/** How a correction came about. */
public enum CorrectionOrigin {
    /** A teammate wrote it, usually from an answer of the assistant. */
    MANUAL("Written by a teammate"),
    /** An agent's reply to a handed-off customer, proposed when the conversation was resolved. */
    HANDOFF("From a resolved handoff");

    private final String label;

    CorrectionOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
