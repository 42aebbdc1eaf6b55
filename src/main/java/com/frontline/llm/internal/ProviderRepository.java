package com.frontline.llm.internal;

import com.frontline.db.llm.tables.records.ProvidersRecord;
import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.llm.Tables.PROVIDERS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;

@Repository
class ProviderRepository {

    private final DSLContext dsl;

    ProviderRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** All of the workspace's providers in failover order. */
    List<ProviderConfig> findAll(TenantId tenant) {
        return dsl.selectFrom(PROVIDERS)
                .where(PROVIDERS.TENANT_ID.eq(tenant.value()))
                .orderBy(PROVIDERS.PRIORITY, PROVIDERS.CREATED_AT)
                .fetch(ProviderRepository::toConfig);
    }

    Optional<ProviderConfig> find(TenantId tenant, UUID id) {
        return dsl.selectFrom(PROVIDERS)
                .where(PROVIDERS.TENANT_ID.eq(tenant.value()), PROVIDERS.ID.eq(id))
                .fetchOptional(ProviderRepository::toConfig);
    }

    boolean labelTaken(TenantId tenant, String label, UUID exceptId) {
        return dsl.fetchExists(PROVIDERS, PROVIDERS.TENANT_ID.eq(tenant.value()),
                lower(PROVIDERS.LABEL).eq(label.toLowerCase()), PROVIDERS.ID.ne(exceptId));
    }

    int nextPriority(TenantId tenant) {
        return dsl.select(coalesce(max(PROVIDERS.PRIORITY), 0))
                .from(PROVIDERS)
                .where(PROVIDERS.TENANT_ID.eq(tenant.value()))
                .fetchSingle().value1() + 1;
    }

    void insert(TenantId tenant, ProviderConfig p) {
        ProvidersRecord r = dsl.newRecord(PROVIDERS);
        fill(r, p);
        r.setTenantId(tenant.value());
        r.setId(p.id());
        r.insert();
    }

    void update(TenantId tenant, ProviderConfig p) {
        ProvidersRecord r = dsl.newRecord(PROVIDERS);
        fill(r, p);
        r.setUpdatedAt(OffsetDateTime.now());
        r.changed(PROVIDERS.TENANT_ID, false);
        r.changed(PROVIDERS.ID, false);
        r.changed(PROVIDERS.CREATED_AT, false);
        dsl.update(PROVIDERS)
                .set(r)
                .where(PROVIDERS.TENANT_ID.eq(tenant.value()), PROVIDERS.ID.eq(p.id()))
                .execute();
    }

    void setPriority(TenantId tenant, UUID id, int priority) {
        dsl.update(PROVIDERS)
                .set(PROVIDERS.PRIORITY, priority)
                .where(PROVIDERS.TENANT_ID.eq(tenant.value()), PROVIDERS.ID.eq(id))
                .execute();
    }

    boolean delete(TenantId tenant, UUID id) {
        return dsl.deleteFrom(PROVIDERS)
                .where(PROVIDERS.TENANT_ID.eq(tenant.value()), PROVIDERS.ID.eq(id))
                .execute() > 0;
    }

    private static void fill(ProvidersRecord r, ProviderConfig p) {
        r.setKind(p.kind().name());
        r.setLabel(p.label());
        r.setBaseUrl(p.baseUrl());
        r.setApiKeyCiphertext(p.apiKeyCiphertext());
        r.setApiKeyLast4(p.apiKeyLast4());
        r.setDefaultModel(p.defaultModel());
        r.setCheapModel(p.cheapModel());
        r.setStrongModel(p.strongModel());
        r.setLongContextModel(p.longContextModel());
        r.setTimeoutMs((int) p.timeout().toMillis());
        r.setSupportsTools(p.supportsTools());
        r.setEnabled(p.enabled());
        r.setPriority(p.priority());
    }

    private static ProviderConfig toConfig(ProvidersRecord r) {
        return new ProviderConfig(r.getId(), ProviderKind.valueOf(r.getKind()), r.getLabel(), r.getBaseUrl(),
                r.getApiKeyCiphertext(), r.getApiKeyLast4(), r.getDefaultModel(), r.getCheapModel(),
                r.getStrongModel(), r.getLongContextModel(), Duration.ofMillis(r.getTimeoutMs()),
                r.getSupportsTools(), r.getEnabled(), r.getPriority(), r.getUpdatedAt());
    }
}
