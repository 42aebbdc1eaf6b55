package com.frontline.rollouts;

import com.frontline.assistants.VersionSelector;
import com.frontline.shared.TenantId;
import org.springframework.stereotype.Component;

import java.util.OptionalInt;

/**
 * Widget visitors of a workspace with a RUNNING experiment get the version of the arm a hash of (workspace,
 * experiment, visitor) assigns them ({@link Assignment}); without one (or while its gate runs, after a rollback or
 * stop), nothing is chosen and the live version answers.
 */
@Component
class RolloutVersionSelector implements VersionSelector {

    private final ActiveExperiments experiments;

    RolloutVersionSelector(ActiveExperiments experiments) {
        this.experiments = experiments;
    }

    @Override
    public OptionalInt select(TenantId tenant, String visitorKey) {
        if (visitorKey.isEmpty()) {
            return OptionalInt.empty();
        }
        return experiments.running(tenant)
                .map(r -> OptionalInt.of(r.versionFor(tenant, visitorKey)))
                .orElse(OptionalInt.empty());
    }
}
