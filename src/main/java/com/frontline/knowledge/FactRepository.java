package com.frontline.knowledge;

import com.frontline.search.Visibility;
import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.knowledge.Tables.FACTS;
import static org.jooq.impl.DSL.max;

/** The facts other modules handed to knowledge (see {@link KnowledgeFacts}), one row per passage. */
@Repository
class FactRepository {

    /** One passage of facts as stored. */
    record StoredFact(UUID id, String sourceType, UUID sourceId, int version, int ordinal, String title,
                      List<String> headingPath, String text, String contentSha256, float[] embedding,
                      Visibility visibility) {
    }

    private final DSLContext dsl;

    FactRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The newest version of the source's facts that is stored, if any. */
    Optional<Integer> storedVersion(TenantId tenant, String sourceType, UUID sourceId) {
        return dsl.select(max(FACTS.VERSION))
                .from(FACTS)
                .where(FACTS.TENANT_ID.eq(tenant.value()), FACTS.SOURCE_TYPE.eq(sourceType),
                        FACTS.SOURCE_ID.eq(sourceId))
                .fetchOptional(r -> r.value1());
    }

    /** Replaces every stored fact of the source (of any version) with {@code facts}. */
    void replace(TenantId tenant, String sourceType, UUID sourceId, List<StoredFact> facts) {
        dsl.deleteFrom(FACTS)
                .where(FACTS.TENANT_ID.eq(tenant.value()), FACTS.SOURCE_TYPE.eq(sourceType),
                        FACTS.SOURCE_ID.eq(sourceId))
                .execute();
        if (facts.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(FACTS, FACTS.TENANT_ID, FACTS.ID, FACTS.SOURCE_TYPE, FACTS.SOURCE_ID,
                FACTS.VERSION, FACTS.ORDINAL, FACTS.TITLE, FACTS.HEADING_PATH, FACTS.TEXT, FACTS.CONTENT_SHA256,
                FACTS.EMBEDDING, FACTS.VISIBILITY);
        for (StoredFact f : facts) {
            insert = insert.values(tenant.value(), f.id(), sourceType, sourceId, f.version(), f.ordinal(), f.title(),
                    f.headingPath().toArray(String[]::new), f.text(), f.contentSha256(), boxed(f.embedding()),
                    f.visibility().name());
        }
        insert.execute();
    }

    /** Stored embeddings of these fact texts, by content hash, from anywhere in the same workspace. */
    Map<String, float[]> embeddingsByHash(TenantId tenant, Collection<String> hashes) {
        Map<String, float[]> found = new HashMap<>();
        dsl.selectDistinct(FACTS.CONTENT_SHA256, FACTS.EMBEDDING)
                .on(FACTS.CONTENT_SHA256)
                .from(FACTS)
                .where(FACTS.TENANT_ID.eq(tenant.value()), FACTS.CONTENT_SHA256.in(hashes))
                .forEach(r -> found.put(r.get(FACTS.CONTENT_SHA256), unboxed(r.get(FACTS.EMBEDDING))));
        return found;
    }

    /** The next {@code limit} facts of the workspace after {@code after} (null: from the start), by id. */
    List<StoredFact> page(TenantId tenant, @Nullable UUID after, int limit) {
        // @formatter:off
        return dsl.selectFrom(FACTS)
                .where(FACTS.TENANT_ID.eq(tenant.value()))
                .and(after == null ? FACTS.ID.isNotNull() : FACTS.ID.gt(after))
                .orderBy(FACTS.ID)
                .limit(limit)
                .fetch(r -> new StoredFact(r.getId(), r.getSourceType(), r.getSourceId(), r.getVersion(),
                        r.getOrdinal(), r.getTitle(), Arrays.asList(r.getHeadingPath()), r.getText(),
                        r.getContentSha256(), unboxed(r.getEmbedding()), Visibility.valueOf(r.getVisibility())));
        // @formatter:on
    }

    long count(TenantId tenant) {
        return dsl.fetchCount(FACTS, FACTS.TENANT_ID.eq(tenant.value()));
    }

    private static Float[] boxed(float[] v) {
        Float[] out = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static float[] unboxed(Float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
