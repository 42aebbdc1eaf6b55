package com.frontline.accounts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class KpiValueTest {

    @Test
    void aPercentageIsShownAsTheFileWroteIt() {
        assertThat(kpi("0.45", true).display()).isEqualTo("45%");
        assertThat(kpi("0.825", true).display()).isEqualTo("82.5%");
        assertThat(kpi("1.2", true).display()).isEqualTo("120%");
        assertThat(kpi("0", true).display()).isEqualTo("0%");
    }

    @Test
    void anyOtherNumberIsShownWithoutTrailingZeros() {
        assertThat(kpi("1250.00", false).display()).isEqualTo("1250");
        assertThat(kpi("0.85", false).display()).isEqualTo("0.85");
        assertThat(kpi("72.50", false).display()).isEqualTo("72.5");
    }

    private static KpiValue kpi(String value, boolean percentage) {
        return new KpiValue("NPS", new BigDecimal(value), percentage, null, null, null, null, null, null);
    }
}
