package com.frontline.accounts.importing;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * An account's health computed from its KPIs.
 *
 * @param score      0..100, rounded to one decimal; null when no KPI could be scored
 * @param band       Healthy, Needs attention, At risk, or Unknown
 * @param kpisUsed   KPIs that contributed
 * @param kpisSkipped KPIs whose value could not be put on the 0..100 scale
 */
public record HealthScore(@Nullable Double score, String band, int kpisUsed, int kpisSkipped, List<String> notes) {

    public HealthScore {
        notes = List.copyOf(notes);
    }
}
