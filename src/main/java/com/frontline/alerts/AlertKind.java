package com.frontline.alerts;

/** What an alert is about. */
public enum AlertKind {
    QUALITY_DROP("Quality drop"),
    COST_OVER_BUDGET("Cost over budget"),
    LATENCY_P95("Slow answers"),
    PROVIDER_FAILURE_RATE("Provider failures"),
    HANDOFF_SPIKE("Handoff spike");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The CSS modifier of its badge. */
    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
