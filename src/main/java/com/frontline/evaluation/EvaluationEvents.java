package com.frontline.evaluation;

import com.frontline.shared.TenantId;

import java.util.UUID;

/** What the evaluation module tells the rest of the app (and its own background jobs). */
public final class EvaluationEvents {

    private EvaluationEvents() {
    }

    /** An admin started a run of the evaluation set; its background job asks the cases. */
    public record RunStarted(TenantId tenant, UUID runId) {
    }

    /** A run ended: done with its totals, or failed for good ({@code succeeded} false). */
    public record RunFinished(TenantId tenant, UUID runId, boolean succeeded) {
    }
}
