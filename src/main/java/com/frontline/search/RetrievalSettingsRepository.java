package com.frontline.search;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.search.Tables.RETRIEVAL_SETTINGS;

/** A workspace's saved retrieval settings; no row means the defaults. */
@Repository
class RetrievalSettingsRepository {

    private final DSLContext dsl;

    RetrievalSettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<RetrievalSettings> find(TenantId tenant) {
        // @formatter:off
        return dsl.select(RETRIEVAL_SETTINGS.FUSION, RETRIEVAL_SETTINGS.BM25_WEIGHT, RETRIEVAL_SETTINGS.TOP_K,
                          RETRIEVAL_SETTINGS.CANDIDATES, RETRIEVAL_SETTINGS.MIN_SCORE)
                .from(RETRIEVAL_SETTINGS)
                .where(RETRIEVAL_SETTINGS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(r -> new RetrievalSettings(Fusion.valueOf(r.value1()), r.value2(), r.value3(),
                        r.value4(), r.value5()));
        // @formatter:on
    }

    void upsert(TenantId tenant, RetrievalSettings settings, @Nullable UUID updatedBy) {
        OffsetDateTime now = OffsetDateTime.now();
        // @formatter:off
        dsl.insertInto(RETRIEVAL_SETTINGS)
                .set(RETRIEVAL_SETTINGS.TENANT_ID, tenant.value())
                .set(RETRIEVAL_SETTINGS.FUSION, settings.fusion().name())
                .set(RETRIEVAL_SETTINGS.BM25_WEIGHT, settings.bm25Weight())
                .set(RETRIEVAL_SETTINGS.TOP_K, settings.topK())
                .set(RETRIEVAL_SETTINGS.CANDIDATES, settings.candidates())
                .set(RETRIEVAL_SETTINGS.MIN_SCORE, settings.minScore())
                .set(RETRIEVAL_SETTINGS.UPDATED_BY, updatedBy)
                .set(RETRIEVAL_SETTINGS.UPDATED_AT, now)
                .onConflict(RETRIEVAL_SETTINGS.TENANT_ID)
                .doUpdate()
                .set(RETRIEVAL_SETTINGS.FUSION, settings.fusion().name())
                .set(RETRIEVAL_SETTINGS.BM25_WEIGHT, settings.bm25Weight())
                .set(RETRIEVAL_SETTINGS.TOP_K, settings.topK())
                .set(RETRIEVAL_SETTINGS.CANDIDATES, settings.candidates())
                .set(RETRIEVAL_SETTINGS.MIN_SCORE, settings.minScore())
                .set(RETRIEVAL_SETTINGS.UPDATED_BY, updatedBy)
                .set(RETRIEVAL_SETTINGS.UPDATED_AT, now)
                .where(RETRIEVAL_SETTINGS.TENANT_ID.eq(tenant.value()))
                .execute();
        // @formatter:on
    }

    /** Back to the defaults; returns whether the workspace had settings of its own. */
    boolean delete(TenantId tenant) {
        return dsl.deleteFrom(RETRIEVAL_SETTINGS).where(RETRIEVAL_SETTINGS.TENANT_ID.eq(tenant.value())).execute() > 0;
    }
}
