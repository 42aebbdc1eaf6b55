package com.frontline.rollouts;

import com.frontline.rollouts.RolloutPlan.Mode;
import com.frontline.rollouts.StepDecision.Action;
import com.frontline.rollouts.simulation.SimulatedClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolloutPlanTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private final SimulatedClock clock = new SimulatedClock(START);
    private final Guard guard = new Guard(GuardConfig.DEFAULTS);
    private final RolloutPlan plan = RolloutPlan.defaults(Mode.AUTOMATIC);

    private static ArmCounts arm(long visitors, long helpful, long rated) {
        return ArmCounts.builder().visitors(visitors).conversations(visitors).answers(visitors * 2)
                .ratings(helpful, rated).calls(visitors * 2, 0, 0).build();
    }

    private GuardVerdict verdict(ArmCounts candidate, ArmCounts baseline) {
        return guard.evaluate(candidate, baseline, GuardConfig.DEFAULTS.window(START, clock.instant()), null);
    }

    @Test
    void theDefaultPlanIsTenFiftyHundred() {
        assertThat(plan.steps()).extracting(PlanStep::candidateBasisPoints).containsExactly(1000, 5000, 10_000);
        assertThat(plan.step(0).minDuration()).isEqualTo(Duration.ofHours(1));
        assertThat(plan.split(0, "v1", "v2")).isEqualTo(Split.rollout("v1", "v2", 1000));
    }

    @Test
    void waitsForTheMinimumDurationAndSampleAndSaysWhatIsMissing() {
        clock.advance(Duration.ofMinutes(20));
        ArmCounts cand = arm(150, 45, 60);
        StepDecision d = plan.decide(0, START, cand, verdict(cand, arm(1350, 420, 540)), clock.instant());

        assertThat(d.action()).isEqualTo(Action.WAIT);
        assertThat(d.words()).isEqualTo("Step 1 of 3 (10 %): waiting: 40 min of the 1 h minimum left; 60 of 100 "
                + "candidate rated answers; no verdict before the minimum sample of "
                + "100 rated answers per arm: the candidate has 60.");
    }

    @Test
    void advancesByItselfOnceEverythingHolds() {
        clock.advance(Duration.ofMinutes(61));
        ArmCounts cand = arm(400, 160, 200);
        StepDecision d = plan.decide(0, START, cand, verdict(cand, arm(3600, 1440, 1800)), clock);

        assertThat(d.action()).isEqualTo(Action.ADVANCE);
        assertThat(d.nextStep()).isEqualTo(1);
        assertThat(d.words()).isEqualTo("Step 1 of 3 (10 %): minimums reached and the guard holds; next 50 %.");
    }

    @Test
    void aManualPlanWaitsForTheButton() {
        RolloutPlan manual = RolloutPlan.defaults(Mode.MANUAL);
        clock.advance(Duration.ofHours(2));
        ArmCounts cand = arm(400, 160, 200);
        StepDecision d = manual.decide(0, START, cand, verdict(cand, arm(3600, 1440, 1800)), clock.instant());

        assertThat(d.action()).isEqualTo(Action.AWAIT_APPROVAL);
        assertThat(manual.advanceByHand(d, false)).isEqualTo(1);
    }

    @Test
    void doesNotAdvanceWhileTheCandidateLooksWorseThanTheThreshold() {
        clock.advance(Duration.ofHours(2));
        ArmCounts cand = arm(400, 70, 100);
        StepDecision d = plan.decide(0, START, cand, verdict(cand, arm(3600, 800, 1000)), clock.instant());

        assertThat(d.action()).isEqualTo(Action.WAIT);
        assertThat(d.words()).contains("looks 13 % worse, more than the 5 % threshold, though not significantly yet");
    }

    @Test
    void rollsBackWhenTheGuardSaysSoAndCompletesAtTheLastStep() {
        ArmCounts worse = arm(2000, 710, 1000);
        GuardVerdict rollBack = verdict(worse, arm(18_000, 8000, 10_000));
        StepDecision d = plan.decide(1, START, worse, rollBack, clock.instant());
        assertThat(d.action()).isEqualTo(Action.ROLL_BACK);
        assertThat(d.words()).startsWith("Step 2 of 3 (50 %): Candidate helpful 71 %");

        GuardVerdict alone = verdict(arm(5000, 4000, 5000), ArmCounts.EMPTY);
        assertThat(plan.decide(2, START, arm(5000, 4000, 5000), alone, clock.instant()).action())
                .isEqualTo(Action.COMPLETE);
    }

    @Test
    void theButtonRefusesWhatItCannotDo() {
        StepDecision waiting = new StepDecision(Action.WAIT, 0, 0, "Step 1 of 3 (10 %): waiting: 40 min left.");
        assertThatThrownBy(() -> plan.advanceByHand(waiting, false))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessage("Step 1 of 3 (10 %): waiting: 40 min left. Advance anyway only with a reason.");
        assertThat(plan.advanceByHand(waiting, true)).isEqualTo(1);
        assertThatThrownBy(() -> plan.advanceByHand(new StepDecision(Action.ROLL_BACK, 1, 1, "x"), true))
                .hasMessageContaining("rolled this rollout back");
        assertThatThrownBy(() -> plan.advanceByHand(new StepDecision(Action.COMPLETE, 2, 2, "x"), true))
                .hasMessageContaining("already serves all traffic");
    }

    @Test
    void refusesPlansThatDoNotGrowToOneHundredPercent() {
        assertThatThrownBy(() -> RolloutPlan.percents(Mode.AUTOMATIC, 10, 50))
                .hasMessage("A rollout ends with the candidate on 100 %; the last step gives it 50 %.");
        assertThatThrownBy(() -> RolloutPlan.percents(Mode.AUTOMATIC, 50, 10, 100))
                .hasMessage("Each step must give the candidate more than the one before: 10 % follows 50 %.");
        assertThatThrownBy(() -> new RolloutPlan(List.of(), Mode.AUTOMATIC))
                .hasMessage("A rollout needs at least one step.");
        assertThatThrownBy(() -> RolloutPlan.percents(Mode.AUTOMATIC, 0, 100))
                .isInstanceOf(InvalidPlanException.class);
    }
}
