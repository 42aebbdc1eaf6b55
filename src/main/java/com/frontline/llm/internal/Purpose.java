package com.frontline.llm.internal;

/** What a model call was for. */
public enum Purpose {
    ANSWER("Answer"), REWRITE("Question rewrite"), TEST("Connection test");

    private final String label;

    Purpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
