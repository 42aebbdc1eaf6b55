package com.frontline.evaluation;

/**
 * What the customer got back for one question. Only {@link #ANSWERED} counts as an answer; {@link #ERROR} is neither
 * an answer nor an abstention (the run reports it). Read from what was stored, never from the answer's wording.
 */
public enum Outcome {
    /** An answer from the knowledge. */
    ANSWERED,
    /** The persona's fallback message: the assistant was not sure enough (the stored answer is low-confidence). */
    FALLBACK,
    /** The conversation went to the team (the customer asked for a person, or the assistant handed it over). */
    HANDOFF,
    /** A question back to the customer ("Do you mean A or B?"). */
    CLARIFY,
    /** No answer was stored (the assistant failed), or the evaluation itself failed for this task. */
    ERROR;

    public boolean answered() {
        return this == ANSWERED;
    }

    /** The assistant deliberately did not answer. */
    public boolean abstained() {
        return this == FALLBACK || this == HANDOFF || this == CLARIFY;
    }
}
