package com.frontline.accounts.importing;

/** How strongly a KPI moves the health score; see {@link HealthScores} for the multipliers. */
public enum ImpactLevel {
    HIGH(1.5), MEDIUM(1.0), LOW(0.5);

    private final double multiplier;

    ImpactLevel(double multiplier) {
        this.multiplier = multiplier;
    }

    public double multiplier() {
        return multiplier;
    }

    /** As shown to users and in the templates' dropdowns. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
