package com.frontline.evaluation;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One run of the evaluation set through the assistant, with its totals once it is done.
 *
 * @param number          1, 2, 3… per workspace
 * @param statusDetail    why a run failed
 * @param total           cases asked
 * @param done            cases answered and scored so far
 * @param answerRate      share of the cases the assistant answered (not fallback, handoff, question back, error)
 * @param citationHitRate among answered cases with an expected source, the share citing it; null without such case
 * @param meanTokenF1     mean token F1 of the answered cases against their expected answers; null without such case
 * @param verifiedFired   answers that were an approved correction served as is ("Verified answer")
 * @param provider        the provider most answers came from
 * @param model           the model most answers came from
 * @param assistantVersion the assistant version the run asked (a rollout's gate); null: the live version at the time
 */
public record EvaluationRun(UUID id, int number, RunStatus status, @Nullable String statusDetail,
                            @Nullable String startedBy, int total, int done, @Nullable Double answerRate,
                            @Nullable Double citationHitRate, @Nullable Double meanTokenF1,
                            @Nullable Integer verifiedFired, @Nullable Integer errors, @Nullable String provider,
                            @Nullable String model, OffsetDateTime createdAt, @Nullable OffsetDateTime finishedAt,
                            @Nullable Integer assistantVersion) {

    /** A run of the live version. */
    public EvaluationRun(UUID id, int number, RunStatus status, @Nullable String statusDetail,
                         @Nullable String startedBy, int total, int done, @Nullable Double answerRate,
                         @Nullable Double citationHitRate, @Nullable Double meanTokenF1,
                         @Nullable Integer verifiedFired, @Nullable Integer errors, @Nullable String provider,
                         @Nullable String model, OffsetDateTime createdAt, @Nullable OffsetDateTime finishedAt) {
        this(id, number, status, statusDetail, startedBy, total, done, answerRate, citationHitRate, meanTokenF1,
                verifiedFired, errors, provider, model, createdAt, finishedAt, null);
    }

    public boolean running() {
        return status == RunStatus.RUNNING;
    }

    /** Finished with its totals written. */
    public boolean succeeded() {
        return status == RunStatus.DONE;
    }

    /** 0–100, how far the run is. */
    public int percent() {
        return total == 0 ? 100 : (int) Math.floor(100.0 * done / total);
    }

    /** "Run 4". */
    public String label() {
        return "Run " + number;
    }

    /** "openai / gpt-4o-mini", or "" before any answer. */
    public String providerModel() {
        if (provider == null) {
            return "";
        }
        return model == null || model.isBlank() ? provider : provider + " / " + model;
    }
}
