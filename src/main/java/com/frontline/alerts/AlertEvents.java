package com.frontline.alerts;

import com.frontline.shared.TenantId;

import java.util.UUID;

/** What the alerts module publishes, in the transaction that stored the change. */
public final class AlertEvents {

    private AlertEvents() {
    }

    /** A new alert (not a throttled repeat): its deliveries are queued once this commits. */
    public record AlertRaised(TenantId tenant, UUID alertId) {
    }
}
