package com.frontline.llm.internal;

/** How one hop ended: answered, failed, timed out, returned nothing usable, or was skipped (circuit open). */
public enum Outcome {
    OK, ERROR, TIMEOUT, EMPTY, SKIPPED;

    public boolean success() {
        return this == OK;
    }
}
