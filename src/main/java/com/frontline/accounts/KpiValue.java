package com.frontline.accounts;

import com.frontline.accounts.importing.KpiDirection;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

public record KpiValue(String kpiName, BigDecimal value, boolean percentage, @Nullable String category,
                       @Nullable BigDecimal weight, @Nullable String impactLevel, @Nullable String healthComponent,
                       @Nullable LocalDate observedOn, @Nullable String direction) {

    /** As stated in the file, or else by the KPI's name (churn, backlog…); see {@link KpiDirection}. */
    public boolean lowerIsBetter() {
        return KpiDirection.resolve(direction == null ? null : KpiDirection.valueOf(direction), kpiName)
                == KpiDirection.LOWER_IS_BETTER;
    }

    /** "High", "Medium" or "Low"; empty when the file gave none. */
    public String impactLevelLabel() {
        return impactLevel == null ? "" : com.frontline.accounts.importing.ImpactLevel.valueOf(impactLevel).label();
    }

    /** As the file wrote it: a percentage is stored as a fraction (0.45) and shown as one (45%). */
    public String display() {
        return display(value, percentage);
    }

    public static String display(BigDecimal value, boolean percentage) {
        BigDecimal shown = percentage ? value.movePointRight(2) : value;
        String number = shown.stripTrailingZeros().toPlainString();
        return percentage ? number + "%" : number;
    }
}
