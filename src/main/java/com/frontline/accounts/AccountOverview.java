package com.frontline.accounts;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One account on the Accounts page. */
public record AccountOverview(UUID id, String name, @Nullable Double healthScore, String band, int kpis,
                              int dataVersion, OffsetDateTime updatedAt) {
}
