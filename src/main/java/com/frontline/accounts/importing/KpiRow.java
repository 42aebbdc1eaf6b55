package com.frontline.accounts.importing;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One accepted KPI value.
 *
 * @param sheet      sheet name, or the file name for CSV
 * @param rowNumber  1-based, as the spreadsheet program shows it (the CSV line number for CSV)
 * @param value      the number; a percentage is stored as a fraction ("85%" is 0.85) with {@code percentage} set
 * @param percentage the source wrote the value as a percentage (a % sign or a percent-formatted cell)
 * @param date       set when the file is a time series (it has a date column)
 * @param direction  as stated in the file; null when it did not say (the KPI's name then decides, see
 *                   {@link KpiDirection#resolve})
 */
public record KpiRow(String sheet, int rowNumber, String accountName, String kpiName, BigDecimal value,
                     boolean percentage, @Nullable String category, @Nullable BigDecimal weight,
                     @Nullable ImpactLevel impactLevel, @Nullable String healthComponent, @Nullable LocalDate date,
                     @Nullable KpiDirection direction) {
}
