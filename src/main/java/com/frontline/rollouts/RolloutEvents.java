package com.frontline.rollouts;

import com.frontline.shared.TenantId;

import java.util.UUID;

/** What happens to a workspace's experiments, for other modules (and this one's background work) to react to. */
public final class RolloutEvents {

    private RolloutEvents() {
    }

    /**
     * An experiment was created, or its status, step or split changed.
     *
     * @param action what happened, as the deployment history names it ("created", "rolled_back", …)
     */
    public record ExperimentChanged(TenantId tenant, UUID experiment, ExperimentStatus status, String action) {
    }
}
