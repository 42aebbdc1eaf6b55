package com.frontline.alerts;

/** Open until someone acknowledges it (they are on it), resolved when it is dealt with. */
public enum AlertStatus {
    OPEN("Open"), ACKNOWLEDGED("Acknowledged"), RESOLVED("Resolved");

    private final String label;

    AlertStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
