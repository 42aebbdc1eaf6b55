package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.chat.Tables.WEBHOOK_DELIVERIES;

@Repository
class WebhookDeliveryRepository {

    private final DSLContext dsl;

    WebhookDeliveryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    WebhookDelivery create(TenantId tenant, UUID conversationId, String url) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.TENANT_ID, tenant.value())
                .set(WEBHOOK_DELIVERIES.ID, id)
                .set(WEBHOOK_DELIVERIES.CONVERSATION_ID, conversationId)
                .set(WEBHOOK_DELIVERIES.URL, url)
                .set(WEBHOOK_DELIVERIES.STATUS, "PENDING")
                .execute();
        return find(tenant, id).orElseThrow();
    }

    Optional<WebhookDelivery> find(TenantId tenant, UUID id) {
        return dsl.selectFrom(WEBHOOK_DELIVERIES)
                .where(WEBHOOK_DELIVERIES.TENANT_ID.eq(tenant.value()), WEBHOOK_DELIVERIES.ID.eq(id))
                .fetchOptional(r -> new WebhookDelivery(r.getId(), r.getConversationId(), r.getUrl(), r.getStatus(),
                        r.getAttempts(), r.getLastError(), r.getCreatedAt(), r.getDeliveredAt()));
    }

    List<WebhookDelivery> recent(TenantId tenant, int limit) {
        return dsl.selectFrom(WEBHOOK_DELIVERIES)
                .where(WEBHOOK_DELIVERIES.TENANT_ID.eq(tenant.value()))
                .orderBy(WEBHOOK_DELIVERIES.CREATED_AT.desc())
                .limit(limit)
                .fetch(r -> new WebhookDelivery(r.getId(), r.getConversationId(), r.getUrl(), r.getStatus(),
                        r.getAttempts(), r.getLastError(), r.getCreatedAt(), r.getDeliveredAt()));
    }

    void attempted(TenantId tenant, UUID id, String status, @Nullable String error) {
        dsl.update(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.STATUS, status)
                .set(WEBHOOK_DELIVERIES.ATTEMPTS, WEBHOOK_DELIVERIES.ATTEMPTS.plus(1))
                .set(WEBHOOK_DELIVERIES.LAST_ERROR, error)
                .set(WEBHOOK_DELIVERIES.DELIVERED_AT, "DELIVERED".equals(status) ? OffsetDateTime.now() : null)
                .where(WEBHOOK_DELIVERIES.TENANT_ID.eq(tenant.value()), WEBHOOK_DELIVERIES.ID.eq(id))
                .execute();
    }

    /** Marks the delivery as given up, without counting another attempt. */
    void giveUp(TenantId tenant, UUID id) {
        dsl.update(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.STATUS, "FAILED")
                .where(WEBHOOK_DELIVERIES.TENANT_ID.eq(tenant.value()), WEBHOOK_DELIVERIES.ID.eq(id))
                .execute();
    }
}
