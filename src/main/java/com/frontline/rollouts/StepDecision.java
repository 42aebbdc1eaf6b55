package com.frontline.rollouts;

/**
 * What a rollout should do now, and why, in words.
 *
 * @param step     the step in force (0-based)
 * @param nextStep the step to go to on ADVANCE or AWAIT_APPROVAL; the same step otherwise
 */
public record StepDecision(Action action, int step, int nextStep, String words) {

    public enum Action {
        /** A minimum is not reached yet, or the guard has no verdict, or the metric looks worse: stay. */
        WAIT,
        /** Everything holds and the plan advances by itself: go to the next step now. */
        ADVANCE,
        /** Everything holds; the plan advances by a person's button. */
        AWAIT_APPROVAL,
        /** The guard rolled the candidate back: all traffic to the baseline. */
        ROLL_BACK,
        /** The last step (100 %) is in force: the rollout is done. */
        COMPLETE
    }
}
