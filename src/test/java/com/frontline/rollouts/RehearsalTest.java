package com.frontline.rollouts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RehearsalTest {

    @Test
    void aLargerDropOrALargerShareIsCaughtSooner() {
        Rehearsal.Estimate tenPercentDrop = Rehearsal.visitorsToCatch(1000, 0.80, 0.10, 0.25, 1);
        Rehearsal.Estimate fivePercentDrop = Rehearsal.visitorsToCatch(1000, 0.80, 0.05, 0.25, 1);
        Rehearsal.Estimate halfTraffic = Rehearsal.visitorsToCatch(5000, 0.80, 0.05, 0.25, 1);

        assertThat(tenPercentDrop.caught()).isEqualTo(Rehearsal.RUNS);
        assertThat(tenPercentDrop.visitors()).isLessThan(fivePercentDrop.visitors());
        assertThat(halfTraffic.visitors()).isLessThan(fivePercentDrop.visitors());
        assertThat(tenPercentDrop.words()).matches("With your traffic, a 10 % drop is caught after about [0-9,]+ "
                + "visitors \\(median of 9 rehearsals; caught in 9 of 9\\)\\.");
    }

    @Test
    void moreRatingsCatchADropSooner() {
        assertThat(Rehearsal.visitorsToCatch(1000, 0.80, 0.10, 0.50, 3).visitors())
                .isLessThan(Rehearsal.visitorsToCatch(1000, 0.80, 0.10, 0.10, 3).visitors());
    }

    @Test
    void withoutRatingsNothingIsCaught() {
        Rehearsal.Estimate none = Rehearsal.visitorsToCatch(5000, 0.80, 0.10,
                new Rehearsal.Traffic(1000, 0, 2.0), GuardConfig.DEFAULTS, 1);

        assertThat(none.visitors()).isNull();
        assertThat(none.words()).isEqualTo("With your traffic, a 10 % drop is not reliably caught within 200,000 "
                + "visitors (caught in 0 of 9 rehearsals).");
    }

    @Test
    void roundsToTwoSignificantDigits() {
        assertThat(Rehearsal.roughly(4287)).isEqualTo(4300);
        assertThat(Rehearsal.roughly(21_450)).isEqualTo(21_000);
        assertThat(Rehearsal.roughly(87)).isEqualTo(87);
        assertThat(Rehearsal.roughly(995)).isEqualTo(1000);
    }

    @Test
    void refusesWhatCannotBeRehearsed() {
        assertThatThrownBy(() -> Rehearsal.visitorsToCatch(0, 0.8, 0.05, 0.25, 1))
                .isInstanceOf(InvalidPlanException.class);
        assertThatThrownBy(() -> Rehearsal.visitorsToCatch(1000, 0.8, 0, 0.25, 1))
                .hasMessage("The drop to rehearse must be between 0 % and 100 %.");
        assertThatThrownBy(() -> Rehearsal.visitorsToCatch(1000, 0, 0.05, 0.25, 1))
                .isInstanceOf(InvalidPlanException.class);
    }
}
