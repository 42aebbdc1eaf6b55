package com.frontline.rollouts;

import com.frontline.shared.CommandArguments.UsageException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RehearsalOptionsTest {

    @Test
    void readsEveryOption() {
        RehearsalOptions o = RehearsalOptions.parse(List.of("--visitors", "5000", "--baseline-helpful=0.8",
                "--candidate-helpful", "72%", "--split", "12.5", "--json", "--seed", "-3", "--rating-rate", "10%",
                "--per-minute", "50", "--baseline-errors", "0.02", "--candidate-errors", "0.2"));

        assertThat(o.visitors()).isEqualTo(5000);
        assertThat(o.baselineHelpful()).isEqualTo(0.8);
        assertThat(o.candidateHelpful()).isEqualTo(0.72);
        assertThat(o.split()).isEqualTo(new BigDecimal("12.5"));
        assertThat(o.splitBasisPoints()).isEqualTo(1250);
        assertThat(o.json()).isTrue();
        assertThat(o.seed()).isEqualTo(-3);
        assertThat(o.ratingRate()).isEqualTo(0.1);
        assertThat(o.perMinute()).isEqualTo(50);
        assertThat(o.candidateErrors()).isEqualTo(0.2);
        assertThat(o.planPercent()).isNull();
    }

    @Test
    void defaultsToATenPercentSplitAndSeed42() {
        RehearsalOptions o = RehearsalOptions.parse(List.of("--visitors", "100", "--baseline-helpful", "0.8",
                "--candidate-helpful", "0.8"));

        assertThat(o.split()).isEqualTo(BigDecimal.TEN);
        assertThat(o.seed()).isEqualTo(42);
        assertThat(o.json()).isFalse();
        assertThat(o.ratingRate()).isEqualTo(0.25);
    }

    @Test
    void aPlanGivesTheFirstStepAsTheSplit() {
        RehearsalOptions o = RehearsalOptions.parse(List.of("--visitors", "100", "--baseline-helpful", "0.8",
                "--candidate-helpful", "0.8", "--plan", "5,25,100"));

        assertThat(o.planPercent()).containsExactly(new BigDecimal("5"), new BigDecimal("25"), new BigDecimal("100"));
        assertThat(o.split()).isEqualTo(new BigDecimal("5"));
    }

    @Test
    void refusesWhatItCannotUnderstand() {
        List<String> base = List.of("--visitors", "100", "--baseline-helpful", "0.8", "--candidate-helpful", "0.7");
        assertRefused(List.of("--baseline-helpful", "0.8", "--candidate-helpful", "0.7"), "--visitors is required");
        assertRefused(List.of("--visitors", "100", "--candidate-helpful", "0.7"), "--baseline-helpful is required");
        assertRefused(List.of("--visitors", "0", "--baseline-helpful", "0.8", "--candidate-helpful", "0.7"),
                "--visitors must be a whole number above 0, not '0'");
        assertRefused(List.of("--visitors", "20000000", "--baseline-helpful", "0.8", "--candidate-helpful", "0.7"),
                "--visitors must be at most 10,000,000, not 20000000");
        assertRefused(with(base, "--split", "100"), "--split must be a percentage above 0 and below 100 with at most "
                + "two decimals (10 or 12.5), not '100'");
        assertRefused(with(base, "--split", "0"), "--split must be a percentage above 0 and below 100");
        assertRefused(with(base, "--split", "ten"), "--split must be a percentage above 0 and below 100");
        assertRefused(with(base, "--split", "10.125"), "--split must be a percentage above 0 and below 100");
        assertRefused(with(base, "--plan", "10,50"), "--plan: A rollout ends with the candidate on 100 %; the last "
                + "step gives it 50 %.");
        assertRefused(with(with(base, "--plan", "10,100"), "--split", "10"), "--split and --plan exclude each other");
        assertRefused(List.of("--visitors", "100", "--baseline-helpful", "80", "--candidate-helpful", "0.7"),
                "--baseline-helpful must be a share from 0 to 1 (0.8) or a percentage from 0% to 100% (80%), not '80'");
        assertRefused(with(base, "--seed", "x"), "--seed must be a whole number, not 'x'");
        assertRefused(with(base, "--speed", "1"), "Unknown argument: --speed");
        assertRefused(with(base, "--frontline.x=1"), "Unknown argument: --frontline.x=1 (simulate-rollout starts no "
                + "application, so it takes no settings)");
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> all = new java.util.ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private static void assertRefused(List<String> args, String message) {
        assertThatThrownBy(() -> RehearsalOptions.parse(args)).as(String.join(" ", args))
                .isInstanceOf(UsageException.class).hasMessageStartingWith(message);
    }
}
