package com.frontline.shared;

/**
 * A member's role in one workspace, from most to least powerful; each can do what the ones below it can. OWNER also
 * manages owners; ADMIN changes settings, knowledge, KPI imports and the team; AGENT works the Inbox and the
 * playground; VIEWER reads the overview and the accounts. The descriptions are shown when inviting and must stay
 * true to the routes' {@code @RequiresRole} rules.
 */
public enum Role {
    OWNER("Owner", "Everything an admin can, plus inviting, promoting and removing owners"),
    ADMIN("Admin", "Settings, knowledge, KPI imports, teammates (except owners) and the audit log"),
    AGENT("Agent", "Answers conversations in the Inbox, tries the playground and reads the knowledge"),
    VIEWER("Viewer", "Reads the overview and the accounts' health");

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
