package com.frontline.rollouts;

import com.frontline.shared.CurrentTenant;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A workspace's experiments and rollouts: creating them (with the offline gate), the buttons (override, advance,
 * roll back, stop), and what the dashboard shows (metrics per arm, the hourly series, the decision so far, the
 * deployment history). The guard job moves running experiments on by itself.
 */
@Service
public class Rollouts {

    /** Newest first, bounded. */
    public List<Experiment> list(TenantId tenant) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The one GATING, BLOCKED or RUNNING experiment, if any. */
    public Optional<Experiment> running(TenantId tenant) {
        throw new UnsupportedOperationException("not yet");
    }

    /** @throws com.frontline.shared.NotFoundException no such experiment in the workspace */
    public Experiment get(TenantId tenant, UUID id) {
        throw new UnsupportedOperationException("not yet");
    }

    public Experiment create(CurrentTenant admin, ExperimentForm form) {
        throw new UnsupportedOperationException("not yet");
    }

    public Experiment override(CurrentTenant admin, UUID id, String reason, long lockVersion) {
        throw new UnsupportedOperationException("not yet");
    }

    public Experiment advance(CurrentTenant admin, UUID id, long lockVersion) {
        throw new UnsupportedOperationException("not yet");
    }

    public Experiment rollback(CurrentTenant admin, UUID id, String reason, long lockVersion) {
        throw new UnsupportedOperationException("not yet");
    }

    public Experiment stop(CurrentTenant admin, UUID id, long lockVersion) {
        throw new UnsupportedOperationException("not yet");
    }

    public List<ArmMetrics> metrics(TenantId tenant, UUID id) {
        throw new UnsupportedOperationException("not yet");
    }

    public List<SeriesPoint> series(TenantId tenant, UUID id) {
        throw new UnsupportedOperationException("not yet");
    }

    public Decision decision(TenantId tenant, UUID id) {
        throw new UnsupportedOperationException("not yet");
    }

    public List<DeploymentEvent> history(TenantId tenant, int limit) {
        throw new UnsupportedOperationException("not yet");
    }

    public @Nullable DeploymentEvent lastRollback(TenantId tenant) {
        throw new UnsupportedOperationException("not yet");
    }

    public String splitInForce(TenantId tenant) {
        throw new UnsupportedOperationException("not yet");
    }

    public OptionalInt rehearse(TenantId tenant, ExperimentForm form) {
        throw new UnsupportedOperationException("not yet");
    }
}
