package com.frontline.rollouts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardConfigTest {

    private static final Instant STEP = Instant.parse("2026-03-02T09:00:00Z");
    private final GuardConfig config = GuardConfig.DEFAULTS; // 24 h window

    @Test
    void theWindowCoversTheWholeStepDuringItsFirstWindowLength() {
        assertThat(config.window(STEP, STEP.plusSeconds(60)).from()).isEqualTo(STEP);
        assertThat(config.window(STEP, STEP.plus(Duration.ofHours(23))).from()).isEqualTo(STEP);
    }

    @Test
    void afterwardsItJumpsByHalfAWindowAndCoversHalfToAllOfOne() {
        assertThat(config.window(STEP, STEP.plus(Duration.ofHours(24))).from()).isEqualTo(STEP.plus(Duration.ofHours(12)));
        assertThat(config.window(STEP, STEP.plus(Duration.ofHours(35))).from()).isEqualTo(STEP.plus(Duration.ofHours(12)));
        assertThat(config.window(STEP, STEP.plus(Duration.ofHours(36))).from()).isEqualTo(STEP.plus(Duration.ofHours(24)));
        for (int minutes = 24 * 60; minutes < 10 * 24 * 60; minutes += 37) {
            Instant now = STEP.plus(Duration.ofMinutes(minutes));
            Duration covered = Duration.between(config.window(STEP, now).from(), now);
            assertThat(covered).isBetween(Duration.ofHours(12), Duration.ofHours(24));
        }
    }

    @Test
    void theWindowsShareTheSignificanceLevelSoAWholeStepSpendsAtMostAlpha() {
        double alpha = config.level();
        assertThat(config.window(STEP, STEP.plus(Duration.ofHours(5))).level()).isEqualTo(alpha / 2);
        assertThat(config.window(STEP, STEP.plus(Duration.ofHours(24))).level()).isEqualTo(alpha / 4);
        assertThat(config.window(STEP, STEP.plus(Duration.ofHours(36))).level()).isEqualTo(alpha / 12);
        double spent = 0;
        int lastIndex = 0;
        for (int hours = 0; hours < 24 * 365; hours++) {
            GuardWindow w = config.window(STEP, STEP.plus(Duration.ofHours(hours)).plusSeconds(1));
            if (w.index() != lastIndex) {
                assertThat(w.index()).isEqualTo(lastIndex + 1);
                spent += w.level();
                lastIndex = w.index();
            }
        }
        assertThat(lastIndex).isGreaterThan(700);
        assertThat(spent).isLessThan(alpha);
    }

    @Test
    void refusesSettingsWithAMessageForTheField() {
        assertThatThrownBy(() -> GuardConfig.DEFAULTS.withRelativeDrop(0))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessage("The rollback threshold must be between 0 % and 100 %.");
        assertThatThrownBy(() -> GuardConfig.DEFAULTS.withMinSample(5))
                .hasMessage("The minimum sample must be at least 10 rated answers per arm; fewer gives no meaningful "
                        + "verdict.");
        assertThatThrownBy(() -> GuardConfig.DEFAULTS.withMetric(GuardMetric.ERROR_RATE))
                .extracting(e -> ((InvalidPlanException) e).field()).isEqualTo("metric");
        assertThatThrownBy(() -> GuardConfig.DEFAULTS.withWindow(Duration.ofMinutes(5)))
                .hasMessage("The guard window must be at least 10 minutes long.");
    }
}
