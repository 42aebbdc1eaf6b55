package com.frontline.tenants.web;

import java.util.List;

/** The onboarding wizard's steps; steps 2 to 5 are the same screens as the settings pages, in wizard mode. */
enum SetupStep {
    WORKSPACE("workspace", "Workspace"),
    PERSONA("persona", "Assistant persona"),
    BRANDING("branding", "Branding"),
    WIDGET("widget", "Website widget"),
    TEAM("team", "Teammates");

    static final List<SetupStep> ALL = List.of(values());

    private final String path;
    private final String label;

    SetupStep(String path, String label) {
        this.path = path;
        this.label = label;
    }

    String path() {
        return path;
    }

    public String label() {
        return label;
    }

    public int number() {
        return ordinal() + 1;
    }

    SetupStep next() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }
}
