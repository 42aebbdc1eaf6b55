package com.frontline.evaluation;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;

/**
 * Two runs side by side, case by case: the cases of the first run in its order, then those only the second asked.
 *
 * @param changedCount rows where anything differs
 */
public record RunComparison(EvaluationRun a, EvaluationRun b, List<Row> rows, int changedCount) {

    public RunComparison {
        rows = List.copyOf(rows);
    }

    /** One case in both runs; a side is null when that run did not ask the case. */
    public record Row(String question, @Nullable RunResult a, @Nullable RunResult b) {

        public boolean answerChanged() {
            return a == null || b == null || !Objects.equals(a.answer(), b.answer());
        }

        public boolean outcomeChanged() {
            return a == null || b == null || a.outcome() != b.outcome();
        }

        /** The token F1 moved by at least half a percentage point (or one side has none). */
        public boolean f1Changed() {
            if (a == null || b == null) {
                return true;
            }
            if (a.tokenF1() == null || b.tokenF1() == null) {
                return !Objects.equals(a.tokenF1(), b.tokenF1());
            }
            return Math.abs(a.tokenF1() - b.tokenF1()) >= 0.005;
        }

        public boolean citationChanged() {
            return a == null || b == null || !Objects.equals(a.citationHit(), b.citationHit())
                    || a.verified() != b.verified();
        }

        public boolean changed() {
            return answerChanged() || outcomeChanged() || f1Changed() || citationChanged();
        }
    }
}
