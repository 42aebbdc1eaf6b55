package com.frontline.rollouts.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Against published tables: the normal quantiles of Abramowitz and Stegun, Handbook of Mathematical Functions, table
 * 26.5 (1.959964 at 0.975, 2.575829 at 0.995, 1.644854 at 0.95) and the cumulative probabilities of the NIST/SEMATECH
 * e-Handbook, section 1.3.6.7.1 (Φ(1.96) = 0.97500, Φ(1.00) = 0.84134, Φ(2.33) = 0.99010).
 */
class NormalTest {

    @Test
    void quantilesMatchTheTables() {
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(Normal.quantile(0.995)).isCloseTo(2.575829, within(1e-6));
        assertThat(Normal.quantile(0.95)).isCloseTo(1.644854, within(1e-6));
        assertThat(Normal.quantile(0.025)).isCloseTo(-1.959964, within(1e-6));
        assertThat(Normal.critical(0.95)).isCloseTo(1.959964, within(1e-6));
        assertThat(Normal.critical(0.99)).isCloseTo(2.575829, within(1e-6));
    }

    @Test
    void cumulativeProbabilitiesMatchTheTables() {
        assertThat(Normal.cdf(1.96)).isCloseTo(0.97500, within(5e-6));
        assertThat(Normal.cdf(1.00)).isCloseTo(0.84134, within(5e-6));
        assertThat(Normal.cdf(2.33)).isCloseTo(0.99010, within(5e-6));
        assertThat(Normal.cdf(0)).isEqualTo(0.5);
        assertThat(Normal.upperTail(1.96)).isCloseTo(0.02500, within(5e-6));
    }

    @Test
    void farTailsKeepTheirDigits() {
        // P(Z >= 8) = 6.220961e-16; 1 - cdf(8) would round to 0 or 1.1e-16
        assertThat(Normal.upperTail(8)).isCloseTo(6.220961e-16, within(1e-21));
        assertThat(Normal.quantile(Normal.cdf(-5))).isCloseTo(-5, within(1e-6));
    }

    @Test
    void refusesProbabilitiesOutsideTheOpenInterval() {
        assertThatThrownBy(() -> Normal.quantile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Normal.quantile(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Normal.critical(1.2)).isInstanceOf(IllegalArgumentException.class);
    }
}
