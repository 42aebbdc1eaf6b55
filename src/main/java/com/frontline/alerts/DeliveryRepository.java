package com.frontline.alerts;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.alerts.Tables.DELIVERIES;

/** The deliveries of alerts by e-mail and webhook, with their attempts. Scoped to one workspace per call. */
@Repository
class DeliveryRepository {

    private final DSLContext dsl;

    DeliveryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    AlertDelivery create(TenantId tenant, UUID alertId, AlertDelivery.Channel channel, String target, String status,
                         @Nullable String note) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(DELIVERIES)
                .set(DELIVERIES.TENANT_ID, tenant.value())
                .set(DELIVERIES.ID, id)
                .set(DELIVERIES.ALERT_ID, alertId)
                .set(DELIVERIES.CHANNEL, channel.name())
                .set(DELIVERIES.TARGET, target)
                .set(DELIVERIES.STATUS, status)
                .set(DELIVERIES.LAST_ERROR, note)
                .execute();
        return find(tenant, id).orElseThrow();
    }

    Optional<AlertDelivery> find(TenantId tenant, UUID id) {
        return dsl.selectFrom(DELIVERIES)
                .where(DELIVERIES.TENANT_ID.eq(tenant.value()), DELIVERIES.ID.eq(id))
                .fetchOptional(DeliveryRepository::delivery);
    }

    List<AlertDelivery> of(TenantId tenant, Collection<UUID> alertIds) {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(DELIVERIES)
                .where(DELIVERIES.TENANT_ID.eq(tenant.value()), DELIVERIES.ALERT_ID.in(alertIds))
                .orderBy(DELIVERIES.CHANNEL, DELIVERIES.CREATED_AT)
                .fetch(DeliveryRepository::delivery);
    }

    /** Records an attempt: its outcome and what went wrong (null when it worked). */
    void attempted(TenantId tenant, UUID id, String status, @Nullable String error) {
        dsl.update(DELIVERIES)
                .set(DELIVERIES.STATUS, status)
                .set(DELIVERIES.ATTEMPTS, DELIVERIES.ATTEMPTS.plus(1))
                .set(DELIVERIES.LAST_ERROR, error)
                .set(DELIVERIES.DELIVERED_AT, "DELIVERED".equals(status) ? OffsetDateTime.now() : null)
                .where(DELIVERIES.TENANT_ID.eq(tenant.value()), DELIVERIES.ID.eq(id))
                .execute();
    }

    /** Marks a delivery given up, keeping its last error. */
    void giveUp(TenantId tenant, UUID id) {
        dsl.update(DELIVERIES)
                .set(DELIVERIES.STATUS, "FAILED")
                .where(DELIVERIES.TENANT_ID.eq(tenant.value()), DELIVERIES.ID.eq(id),
                        DELIVERIES.STATUS.eq("PENDING"))
                .execute();
    }

    private static AlertDelivery delivery(org.jooq.Record record) {
        var r = record.into(DELIVERIES);
        return new AlertDelivery(r.getId(), r.getAlertId(), AlertDelivery.Channel.valueOf(r.getChannel()),
                r.getTarget(), r.getStatus(), r.getAttempts(), r.getLastError(), r.getDeliveredAt());
    }
}
