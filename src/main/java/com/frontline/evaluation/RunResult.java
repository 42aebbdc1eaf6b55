package com.frontline.evaluation;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * What one case got in one run; the case's question and expected answer as they were when the run started.
 *
 * @param outcome     null while the case waits to be asked
 * @param cited       the sources the answer cited (their titles and addresses)
 * @param citationHit the answer cited the expected source; null when the case names none or was not answered
 * @param tokenF1     token F1 against the expected answer; null when the case was not answered
 * @param verified    the answer was an approved correction served as is
 */
public record RunResult(int ordinal, UUID caseId, CaseOrigin origin, String question, String expectedAnswer,
                        @Nullable String expectedSource, @Nullable Outcome outcome, @Nullable String answer,
                        List<String> cited, @Nullable Boolean citationHit, @Nullable Double tokenF1,
                        boolean verified, @Nullable Double confidence, @Nullable String provider,
                        @Nullable String model, double millis, @Nullable UUID conversationId) {

    public RunResult {
        cited = List.copyOf(cited);
    }

    public boolean pending() {
        return outcome == null;
    }
}
