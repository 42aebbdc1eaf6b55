package com.frontline.accounts;

import com.frontline.accounts.importing.HealthScore;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An account's latest KPIs, its health score, and the time series of KPIs that have dated values. */
public record AccountDetails(UUID id, String name, Map<String, String> attributes, int dataVersion,
                             List<KpiValue> latest, HealthScore health, Map<String, List<KpiValue>> series) {
}
