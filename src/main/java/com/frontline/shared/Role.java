package com.frontline.shared;

/**
 * A member's role in one workspace, from most to least powerful. OWNER manages owners and everything else; ADMIN
 * changes settings and the team; AGENT answers conversations; VIEWER reads dashboards.
 */
public enum Role {
    OWNER("Owner", "Everything, including owners and deleting the workspace"),
    ADMIN("Admin", "Settings, knowledge, teammates (except owners)"),
    AGENT("Agent", "Takes over and answers conversations"),
    VIEWER("Viewer", "Reads dashboards and conversations");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public boolean atLeast(Role required) {
        return this.ordinal() <= required.ordinal();
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
