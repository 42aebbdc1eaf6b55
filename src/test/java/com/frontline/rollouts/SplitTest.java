package com.frontline.rollouts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SplitTest {

    @Test
    void refusesSharesThatDoNotSumToOneHundredPercent() {
        assertThatThrownBy(() -> Split.of(new ArmShare("v1", 9000), new ArmShare("v2", 500)))
                .isInstanceOf(InvalidSplitException.class)
                .hasMessage("The shares add up to 95 %, not 100 %: give the missing 5 % so that every visitor has an "
                        + "arm.")
                .extracting(e -> ((InvalidSplitException) e).field()).isEqualTo("split");
        assertThatThrownBy(() -> Split.of(new ArmShare("v1", 9000), new ArmShare("v2", 1250)))
                .hasMessage("The shares add up to 102.5 %, not 100 %: take away 2.5 % so that every visitor has an "
                        + "arm.");
    }

    @Test
    void refusesFewerThanTwoArmsDuplicatesAndImpossibleShares() {
        assertThatThrownBy(() -> new Split(List.of(new ArmShare("v1", 10_000))))
                .hasMessage("A split needs at least two arms, not 1.");
        assertThatThrownBy(() -> Split.of(new ArmShare("v1", 5000), new ArmShare("v1", 5000)))
                .hasMessage("v1 appears twice in the split; each arm once.");
        assertThatThrownBy(() -> new ArmShare("v2", -100)).hasMessage("The share of v2 must be from 0 % to 100 %, "
                + "not -1 %.");
        assertThatThrownBy(() -> new ArmShare(" ", 100)).hasMessage("Every arm needs a name.");
        assertThatThrownBy(() -> Split.rollout("v1", "v2", 10_001)).isInstanceOf(InvalidSplitException.class);
        assertThatThrownBy(() -> ArmShare.ofPercent("v2", new BigDecimal("12.345")))
                .hasMessage("The share of v2 takes at most two decimals (12.5 %), not 12.345 %.");
    }

    @Test
    void cumulativeSharesDecideTheArm() {
        Split abc = Split.of(new ArmShare("a", 2000), new ArmShare("b", 3000), ArmShare.ofPercent("c",
                new BigDecimal("50")));
        assertThat(abc.armFor(0)).isEqualTo("a");
        assertThat(abc.armFor(1999)).isEqualTo("a");
        assertThat(abc.armFor(2000)).isEqualTo("b");
        assertThat(abc.armFor(4999)).isEqualTo("b");
        assertThat(abc.armFor(5000)).isEqualTo("c");
        assertThat(abc.armFor(9999)).isEqualTo("c");
        assertThat(abc.basisPoints("b")).isEqualTo(3000);
        assertThat(abc.basisPoints("z")).isZero();
        assertThat(abc).hasToString("a 20 % / b 30 % / c 50 %");
        assertThatThrownBy(() -> abc.armFor(10_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRolloutPutsTheCandidateFirstAndAllowsZeroAndAll() {
        Split tenPercent = Split.rollout("v1", "v2", 1000);
        assertThat(tenPercent.armFor(999)).isEqualTo("v2");
        assertThat(tenPercent.armFor(1000)).isEqualTo("v1");
        Split rolledBack = Split.rollout("v1", "v2", 0);
        assertThat(rolledBack.armFor(0)).isEqualTo("v1");
        assertThat(Split.rollout("v1", "v2", 10_000).armFor(9999)).isEqualTo("v2");
    }

    @Test
    void growingTheCandidateKeepsEveryVisitorItAlreadyHas() {
        int[] steps = { 0, 100, 1000, 2500, 5000, 9999, 10_000 };
        for (int bucket = 0; bucket < Split.TOTAL; bucket++) {
            boolean onCandidate = false;
            for (int share : steps) {
                boolean now = Split.rollout("v1", "v2", share).armFor(bucket).equals("v2");
                assertThat(!onCandidate || now).as("bucket %d at %d bp", bucket, share).isTrue();
                onCandidate = now;
            }
        }
    }
}
