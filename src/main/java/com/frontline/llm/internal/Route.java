package com.frontline.llm.internal;

import java.util.Locale;

/** Which kind of model a request is sent to. */
public enum Route {
    SIMPLE("Simple → cheap model"),
    DEFAULT("Default model"),
    COMPLEX("Complex → strongest model"),
    LONG_CONTEXT("Long context → long-context model"),
    BUDGET("Over budget → cheapest model"),
    OFFLINE("Offline answerer");

    private final String label;

    Route(String label) {
        this.label = label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }
}
