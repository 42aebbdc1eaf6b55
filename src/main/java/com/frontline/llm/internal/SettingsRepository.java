package com.frontline.llm.internal;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.frontline.db.llm.Tables.MODEL_PRICES;
import static com.frontline.db.llm.Tables.SETTINGS;

/** Routing rules, budget and model prices of a workspace. */
@Repository
class SettingsRepository {

    private final DSLContext dsl;

    SettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    LlmSettings find(TenantId tenant) {
        return dsl.selectFrom(SETTINGS)
                .where(SETTINGS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(r -> new LlmSettings(r.getRoutingEnabled(), r.getSimpleMaxScore(),
                        r.getComplexMinScore(), r.getLongContextChars(), r.getMonthlyBudgetUsd()))
                .orElse(LlmSettings.DEFAULTS);
    }

    void save(TenantId tenant, LlmSettings s) {
        // @formatter:off
        dsl.insertInto(SETTINGS)
                .set(SETTINGS.TENANT_ID, tenant.value())
                .set(SETTINGS.ROUTING_ENABLED, s.routingEnabled())
                .set(SETTINGS.SIMPLE_MAX_SCORE, s.simpleMaxScore())
                .set(SETTINGS.COMPLEX_MIN_SCORE, s.complexMinScore())
                .set(SETTINGS.LONG_CONTEXT_CHARS, s.longContextChars())
                .set(SETTINGS.MONTHLY_BUDGET_USD, s.monthlyBudgetUsd())
                .onConflict(SETTINGS.TENANT_ID)
                .doUpdate()
                .set(SETTINGS.ROUTING_ENABLED, s.routingEnabled())
                .set(SETTINGS.SIMPLE_MAX_SCORE, s.simpleMaxScore())
                .set(SETTINGS.COMPLEX_MIN_SCORE, s.complexMinScore())
                .set(SETTINGS.LONG_CONTEXT_CHARS, s.longContextChars())
                .set(SETTINGS.MONTHLY_BUDGET_USD, s.monthlyBudgetUsd())
                .set(SETTINGS.UPDATED_AT, OffsetDateTime.now())
                .execute();
        // @formatter:on
    }

    /** The workspace's own prices, by model name (lower case). */
    Map<String, ModelPrice> prices(TenantId tenant) {
        Map<String, ModelPrice> prices = new LinkedHashMap<>();
        dsl.selectFrom(MODEL_PRICES)
                .where(MODEL_PRICES.TENANT_ID.eq(tenant.value()))
                .orderBy(MODEL_PRICES.MODEL)
                .forEach(r -> prices.put(r.getModel(),
                        new ModelPrice(r.getModel(), r.getInputPerMtok(), r.getOutputPerMtok(), true)));
        return prices;
    }

    void savePrice(TenantId tenant, String model, BigDecimal input, BigDecimal output) {
        dsl.insertInto(MODEL_PRICES)
                .set(MODEL_PRICES.TENANT_ID, tenant.value())
                .set(MODEL_PRICES.MODEL, model)
                .set(MODEL_PRICES.INPUT_PER_MTOK, input)
                .set(MODEL_PRICES.OUTPUT_PER_MTOK, output)
                .onConflict(MODEL_PRICES.TENANT_ID, MODEL_PRICES.MODEL)
                .doUpdate()
                .set(MODEL_PRICES.INPUT_PER_MTOK, input)
                .set(MODEL_PRICES.OUTPUT_PER_MTOK, output)
                .set(MODEL_PRICES.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    boolean deletePrice(TenantId tenant, String model) {
        return dsl.deleteFrom(MODEL_PRICES)
                .where(MODEL_PRICES.TENANT_ID.eq(tenant.value()), MODEL_PRICES.MODEL.eq(model))
                .execute() > 0;
    }
}
