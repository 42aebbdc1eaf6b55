package com.frontline.insights;

/** What a customer's message does, read by rules ({@link LocalAnalysis#intent}). */
public enum Intent {
    QUESTION, COMPLAINT, REQUEST, GREETING, OTHER;

    /** Whether the message asks the assistant for something it could answer from knowledge. */
    public boolean asks() {
        return this == QUESTION || this == COMPLAINT || this == REQUEST;
    }
}
