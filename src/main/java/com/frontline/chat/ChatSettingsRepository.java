package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import static com.frontline.db.chat.Tables.CHAT_SETTINGS;

@Repository
class ChatSettingsRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;

    ChatSettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The workspace's settings; created with defaults (and a fresh webhook secret) on first use. Read on every
     * answer, so it reads first and writes only when the row is missing.
     */
    ChatSettings get(TenantId tenant) {
        ChatSettings found = find(tenant);
        if (found != null) {
            return found;
        }
        dsl.insertInto(CHAT_SETTINGS)
                .set(CHAT_SETTINGS.TENANT_ID, tenant.value())
                .set(CHAT_SETTINGS.CONFIDENCE_THRESHOLD, ChatSettings.DEFAULT_THRESHOLD)
                .set(CHAT_SETTINGS.WEBHOOK_SECRET, newSecret())
                .onConflictDoNothing()
                .execute();
        ChatSettings created = find(tenant);
        if (created == null) {
            throw new IllegalStateException("Chat settings of " + tenant + " vanished after insert");
        }
        return created;
    }

    private @Nullable ChatSettings find(TenantId tenant) {
        return dsl.selectFrom(CHAT_SETTINGS)
                .where(CHAT_SETTINGS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(r -> new ChatSettings(r.getConfidenceThreshold(), r.getHandoffOnLowConfidence(),
                        r.getWebhookUrl(), r.getWebhookSecret()))
                .orElse(null);
    }

    void update(TenantId tenant, double threshold, boolean handoffOnLowConfidence, @Nullable String webhookUrl) {
        get(tenant);
        dsl.update(CHAT_SETTINGS)
                .set(CHAT_SETTINGS.CONFIDENCE_THRESHOLD, threshold)
                .set(CHAT_SETTINGS.HANDOFF_ON_LOW_CONFIDENCE, handoffOnLowConfidence)
                .set(CHAT_SETTINGS.WEBHOOK_URL, webhookUrl)
                .set(CHAT_SETTINGS.UPDATED_AT, OffsetDateTime.now())
                .where(CHAT_SETTINGS.TENANT_ID.eq(tenant.value()))
                .execute();
    }

    void rotateSecret(TenantId tenant) {
        get(tenant);
        dsl.update(CHAT_SETTINGS)
                .set(CHAT_SETTINGS.WEBHOOK_SECRET, newSecret())
                .set(CHAT_SETTINGS.UPDATED_AT, OffsetDateTime.now())
                .where(CHAT_SETTINGS.TENANT_ID.eq(tenant.value()))
                .execute();
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }
}
