package com.frontline.accounts;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

public record KpiValue(String kpiName, BigDecimal value, boolean percentage, @Nullable String category,
                       @Nullable BigDecimal weight, @Nullable String impactLevel, @Nullable String healthComponent,
                       @Nullable LocalDate observedOn) {

    public String display() {
        String number = value.stripTrailingZeros().toPlainString();
        return percentage ? number + "%" : number;
    }
}
