package com.frontline.alerts;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;

import static com.frontline.db.alerts.Tables.SETTINGS;

/** A workspace's alert settings; a workspace without a row uses the defaults. */
@Repository
class AlertSettingsRepository {

    private final DSLContext dsl;

    AlertSettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    AlertSettings find(TenantId tenant) {
        return dsl.selectFrom(SETTINGS)
                .where(SETTINGS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(r -> new AlertSettings(r.getCostEnabled(), r.getCostBudgetPercent(),
                        r.getLatencyEnabled(), r.getLatencyP95Ms(), r.getFailureEnabled(), r.getFailureRatePercent(),
                        r.getWindowMinutes(), r.getMinCalls(), r.getHandoffEnabled(), r.getHandoffFactor(),
                        r.getHandoffMin(), r.getQualityEnabled(), r.getQualityDropPoints(), r.getQualityMinRatings(),
                        r.getThrottleMinutes(), r.getEmailEnabled(), r.getWebhookUrl()))
                .orElse(AlertSettings.DEFAULTS);
    }

    void save(TenantId tenant, AlertSettings s) {
        var record = dsl.newRecord(SETTINGS);
        record.setTenantId(tenant.value());
        record.setCostEnabled(s.costEnabled());
        record.setCostBudgetPercent(s.costBudgetPercent());
        record.setLatencyEnabled(s.latencyEnabled());
        record.setLatencyP95Ms(s.latencyP95Ms());
        record.setFailureEnabled(s.failureEnabled());
        record.setFailureRatePercent(s.failureRatePercent());
        record.setWindowMinutes(s.windowMinutes());
        record.setMinCalls(s.minCalls());
        record.setHandoffEnabled(s.handoffEnabled());
        record.setHandoffFactor(s.handoffFactor());
        record.setHandoffMin(s.handoffMin());
        record.setQualityEnabled(s.qualityEnabled());
        record.setQualityDropPoints(s.qualityDropPoints());
        record.setQualityMinRatings(s.qualityMinRatings());
        record.setThrottleMinutes(s.throttleMinutes());
        record.setEmailEnabled(s.emailEnabled());
        record.setWebhookUrl(s.webhookUrl());
        record.setUpdatedAt(OffsetDateTime.now());
        // @formatter:off
        dsl.insertInto(SETTINGS)
                .set(record)
                .onConflict(SETTINGS.TENANT_ID)
                .doUpdate()
                .set(record)
                .execute();
        // @formatter:on
    }
}
