package com.frontline.llm.internal;

/** How one hop ended: answered, failed, timed out, returned nothing usable, or was skipped (circuit open). */
public enum Outcome {
    OK("Answered"), ERROR("Failed"), TIMEOUT("Timed out"), EMPTY("Empty answer"), SKIPPED("Skipped (circuit open)");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean success() {
        return this == OK;
    }
}
