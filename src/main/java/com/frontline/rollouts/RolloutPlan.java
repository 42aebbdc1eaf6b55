package com.frontline.rollouts;

import com.frontline.rollouts.StepDecision.Action;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A gradual rollout: steps of growing candidate share ending at 100 % (default 10 % → 50 % → 100 %), each with its
 * minimum duration and sample, advancing by itself or by a person's button. Decisions are pure functions of the
 * counts, the guard's verdict and the time, so the scheduled job and the simulation share them.
 */
public record RolloutPlan(List<PlanStep> steps, Mode mode) {

    public enum Mode {
        /** Steps advance as soon as they may. */
        AUTOMATIC,
        /** Steps wait for a person once they may advance. */
        MANUAL
    }

    public RolloutPlan {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new InvalidPlanException("steps", "A rollout needs at least one step.");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).candidateBasisPoints() <= steps.get(i - 1).candidateBasisPoints()) {
                throw new InvalidPlanException("steps", "Each step must give the candidate more than the one before: "
                        + Split.percent(steps.get(i).candidateBasisPoints()) + " follows "
                        + Split.percent(steps.get(i - 1).candidateBasisPoints()) + ".");
            }
        }
        if (steps.getLast().candidateBasisPoints() != Split.TOTAL) {
            throw new InvalidPlanException("steps", "A rollout ends with the candidate on 100 %; the last step gives it "
                    + Split.percent(steps.getLast().candidateBasisPoints()) + ".");
        }
    }

    /** 10 % → 50 % → 100 %, each step at least an hour and 100 rated candidate answers. */
    public static RolloutPlan defaults(Mode mode) {
        return new RolloutPlan(List.of(PlanStep.of(1000), PlanStep.of(5000), PlanStep.of(Split.TOTAL)), mode);
    }

    /** Steps at the given percentages with the default minimums: {@code percents(AUTOMATIC, 10, 50, 100)}. */
    public static RolloutPlan percents(Mode mode, int... percents) {
        List<PlanStep> list = new ArrayList<>();
        for (int p : percents) {
            list.add(PlanStep.of(p * 100));
        }
        return new RolloutPlan(list, mode);
    }

    public PlanStep step(int index) {
        if (index < 0 || index >= steps.size()) {
            throw new IllegalArgumentException("no step " + index + " in a plan of " + steps.size());
        }
        return steps.get(index);
    }

    public boolean isLast(int index) {
        return index == steps.size() - 1;
    }

    /** The split in force at a step. */
    public Split split(int index, String baseline, String candidate) {
        return Split.rollout(baseline, candidate, step(index).candidateBasisPoints());
    }

    /**
     * What to do at {@code now}.
     *
     * @param index       the step in force
     * @param stepStarted when it started
     * @param inStep      the candidate's counts since the step started
     * @param verdict     the guard's latest verdict
     */
    public StepDecision decide(int index, Instant stepStarted, ArmCounts inStep, GuardVerdict verdict, Instant now) {
        PlanStep step = step(index);
        String at = "Step " + (index + 1) + " of " + steps.size() + " (" + Split.percent(step.candidateBasisPoints())
                + ")";
        if (verdict.rollBack()) {
            return new StepDecision(Action.ROLL_BACK, index, index, at + ": " + verdict.words());
        }
        if (isLast(index)) {
            return new StepDecision(Action.COMPLETE, index, index, at + ": the candidate serves all traffic.");
        }
        List<String> waiting = new ArrayList<>();
        Duration ran = Duration.between(stepStarted, now);
        if (ran.compareTo(step.minDuration()) < 0) {
            waiting.add(Words.duration(step.minDuration().minus(ran)) + " of the " + Words.duration(step.minDuration())
                    + " minimum left");
        }
        long sample = verdict.metric().rate(inStep).count();
        if (sample < step.minSample()) {
            waiting.add(Words.count(sample) + " of " + Words.count(step.minSample()) + " candidate "
                    + verdict.metric().sample());
        }
        if (verdict.status() == GuardVerdict.Status.HOLD) {
            waiting.add(uncapitalised(verdict.words()));
        } else if (verdict.concern() != null) {
            waiting.add(verdict.concern());
        }
        if (!waiting.isEmpty()) {
            return new StepDecision(Action.WAIT, index, index, at + ": waiting: " + String.join("; ", waiting) + ".");
        }
        PlanStep next = step(index + 1);
        String ready = at + ": minimums reached and the guard holds; next "
                + Split.percent(next.candidateBasisPoints()) + ".";
        return new StepDecision(mode == Mode.AUTOMATIC ? Action.ADVANCE : Action.AWAIT_APPROVAL, index, index + 1,
                ready);
    }

    /** {@link #decide(int, Instant, ArmCounts, GuardVerdict, Instant)} at the clock's instant. */
    public StepDecision decide(int index, Instant stepStarted, ArmCounts inStep, GuardVerdict verdict,
                               InstantSource clock) {
        return decide(index, stepStarted, inStep, verdict, clock.instant());
    }

    /**
     * The button: the step to go to when a person advances the rollout now.
     *
     * @throws InvalidPlanException when the rollout was rolled back, is complete, or (without {@code override})
     *                              is still waiting; the message says which
     */
    public int advanceByHand(StepDecision decision, boolean override) {
        return switch (decision.action()) {
            case ADVANCE, AWAIT_APPROVAL -> decision.nextStep();
            case WAIT -> {
                if (!override) {
                    throw new InvalidPlanException("step", decision.words() + " Advance anyway only with a reason.");
                }
                yield decision.step() + 1;
            }
            case ROLL_BACK -> throw new InvalidPlanException("step", "The guard rolled this rollout back; start a new "
                    + "one to try the candidate again.");
            case COMPLETE -> throw new InvalidPlanException("step", "The rollout is complete: the candidate already "
                    + "serves all traffic.");
        };
    }

    private static String uncapitalised(String words) {
        String s = words.endsWith(".") ? words.substring(0, words.length() - 1) : words;
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
