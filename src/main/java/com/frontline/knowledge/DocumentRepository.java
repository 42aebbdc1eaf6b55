package com.frontline.knowledge;

import com.frontline.search.Visibility;
import com.frontline.knowledge.parsing.SentenceFlags;
import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.knowledge.Tables.CHUNKS;
import static com.frontline.db.knowledge.Tables.DOCUMENTS;
import static com.frontline.db.knowledge.Tables.DOCUMENT_FILES;
import static com.frontline.db.knowledge.Tables.DOCUMENT_VERSIONS;
import static com.frontline.db.knowledge.Tables.FACTS;
import static com.frontline.db.knowledge.Tables.REBUILDS;
import static com.frontline.db.knowledge.Tables.SENTENCE_FLAGS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.sum;

@Repository
class DocumentRepository {

    private final DSLContext dsl;

    DocumentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ---- documents and versions ------------------------------------------------------------------------------

    /** Where a title came from; see the migration that added {@code title_source}. */
    enum TitleSource { FILE_NAME, DOCUMENT, ADMIN }

    void insertDocument(TenantId tenant, UUID id, String title, @Nullable String filename, TitleSource source,
                        Visibility visibility) {
        dsl.insertInto(DOCUMENTS)
                .set(DOCUMENTS.TENANT_ID, tenant.value())
                .set(DOCUMENTS.ID, id)
                .set(DOCUMENTS.TITLE, title)
                .set(DOCUMENTS.TITLE_SOURCE, source.name())
                .set(DOCUMENTS.FILENAME, filename)
                .set(DOCUMENTS.VISIBILITY, visibility.name())
                .set(DOCUMENTS.LATEST_VERSION, 0)
                .execute();
    }

    Optional<Visibility> visibility(TenantId tenant, UUID documentId) {
        return dsl.select(DOCUMENTS.VISIBILITY)
                .from(DOCUMENTS)
                .where(DOCUMENTS.TENANT_ID.eq(tenant.value()), DOCUMENTS.ID.eq(documentId))
                .fetchOptional(r -> Visibility.valueOf(r.value1()));
    }

    /** @return whether the document exists (in this tenant) */
    boolean setVisibility(TenantId tenant, UUID documentId, Visibility visibility) {
        return dsl.update(DOCUMENTS)
                .set(DOCUMENTS.VISIBILITY, visibility.name())
                .where(DOCUMENTS.TENANT_ID.eq(tenant.value()), DOCUMENTS.ID.eq(documentId))
                .execute() == 1;
    }

    /**
     * The workspaces that have documents or facts in the index: a maintenance job visits them one at a time. Reads
     * tenant ids only, never their data.
     */
    List<TenantId> tenantsWithKnowledge() {
        return dsl.selectDistinct(DOCUMENTS.TENANT_ID).from(DOCUMENTS).where(DOCUMENTS.LIVE_VERSION.gt(0))
                .union(dsl.selectDistinct(FACTS.TENANT_ID).from(FACTS))
                .fetch(r -> TenantId.of(r.value1()));
    }

    /** Locks the document row for the rest of the transaction and returns its live version. */
    Optional<Integer> lockLiveVersion(TenantId tenant, UUID documentId) {
        return dsl.select(DOCUMENTS.LIVE_VERSION)
                .from(DOCUMENTS)
                .where(DOCUMENTS.TENANT_ID.eq(tenant.value()), DOCUMENTS.ID.eq(documentId))
                .forUpdate()
                .fetchOptional(DOCUMENTS.LIVE_VERSION);
    }

    /**
     * Takes the next version number (the row lock serialises concurrent uploads of the same document). The title is
     * the document's, not the new file's: a new version keeps it.
     */
    int nextVersion(TenantId tenant, UUID documentId) {
        return dsl.update(DOCUMENTS)
                .set(DOCUMENTS.LATEST_VERSION, DOCUMENTS.LATEST_VERSION.plus(1))
                .set(DOCUMENTS.UPDATED_AT, OffsetDateTime.now())
                .where(DOCUMENTS.TENANT_ID.eq(tenant.value()), DOCUMENTS.ID.eq(documentId))
                .returning(DOCUMENTS.LATEST_VERSION)
                .fetchSingle(DOCUMENTS.LATEST_VERSION);
    }

    void insertVersion(TenantId tenant, UUID documentId, int version, String type, String sha256, long size,
                       @Nullable UUID uploadedBy, String contentType, byte[] bytes) {
        dsl.insertInto(DOCUMENT_VERSIONS)
                .set(DOCUMENT_VERSIONS.TENANT_ID, tenant.value())
                .set(DOCUMENT_VERSIONS.DOCUMENT_ID, documentId)
                .set(DOCUMENT_VERSIONS.VERSION, version)
                .set(DOCUMENT_VERSIONS.DOCUMENT_TYPE, type)
                .set(DOCUMENT_VERSIONS.CONTENT_SHA256, sha256)
                .set(DOCUMENT_VERSIONS.SIZE_BYTES, size)
                .set(DOCUMENT_VERSIONS.STATUS, DocumentStatus.QUEUED.name())
                .set(DOCUMENT_VERSIONS.UPLOADED_BY, uploadedBy)
                .execute();
        dsl.insertInto(DOCUMENT_FILES)
                .set(DOCUMENT_FILES.TENANT_ID, tenant.value())
                .set(DOCUMENT_FILES.DOCUMENT_ID, documentId)
                .set(DOCUMENT_FILES.VERSION, version)
                .set(DOCUMENT_FILES.CONTENT_TYPE, contentType)
                .set(DOCUMENT_FILES.BYTES, bytes)
                .execute();
    }

    record Duplicate(UUID documentId, String title, int version) {
    }

    /** A live or in-progress version with the same bytes: the same file uploaded again. */
    Optional<Duplicate> findByContent(TenantId tenant, String sha256) {
        // @formatter:off
        return dsl.select(DOCUMENTS.ID, DOCUMENTS.TITLE, DOCUMENT_VERSIONS.VERSION)
                .from(DOCUMENT_VERSIONS)
                .join(DOCUMENTS).on(DOCUMENTS.TENANT_ID.eq(DOCUMENT_VERSIONS.TENANT_ID),
                        DOCUMENTS.ID.eq(DOCUMENT_VERSIONS.DOCUMENT_ID))
                .where(DOCUMENT_VERSIONS.TENANT_ID.eq(tenant.value()),
                        DOCUMENT_VERSIONS.CONTENT_SHA256.eq(sha256),
                        DOCUMENT_VERSIONS.STATUS.notIn(DocumentStatus.SUPERSEDED.name(), DocumentStatus.FAILED.name()))
                .limit(1)
                .fetchOptional(r -> new Duplicate(r.value1(), r.value2(), r.value3()));
        // @formatter:on
    }

    Optional<UUID> findByFilename(TenantId tenant, String filename) {
        return dsl.select(DOCUMENTS.ID)
                .from(DOCUMENTS)
                .where(DOCUMENTS.TENANT_ID.eq(tenant.value()), DOCUMENTS.FILENAME.eq(filename))
                .orderBy(DOCUMENTS.UPDATED_AT.desc())
                .limit(1)
                .fetchOptional(DOCUMENTS.ID);
    }

    List<DocumentSummary> summaries(TenantId tenant) {
        // @formatter:off
        return dsl.select(DOCUMENTS.ID, DOCUMENTS.TITLE, DOCUMENTS.FILENAME, DOCUMENT_VERSIONS.DOCUMENT_TYPE,
                        DOCUMENTS.LIVE_VERSION, DOCUMENTS.LATEST_VERSION, DOCUMENT_VERSIONS.STATUS,
                        DOCUMENT_VERSIONS.STATUS_DETAIL, DOCUMENT_VERSIONS.CHUNK_COUNT, DOCUMENT_VERSIONS.SIZE_BYTES,
                        DOCUMENTS.UPDATED_AT, DOCUMENTS.VISIBILITY)
                .from(DOCUMENTS)
                .join(DOCUMENT_VERSIONS).on(DOCUMENT_VERSIONS.TENANT_ID.eq(DOCUMENTS.TENANT_ID),
                        DOCUMENT_VERSIONS.DOCUMENT_ID.eq(DOCUMENTS.ID),
                        DOCUMENT_VERSIONS.VERSION.eq(DOCUMENTS.LATEST_VERSION))
                .where(DOCUMENTS.TENANT_ID.eq(tenant.value()))
                .orderBy(DOCUMENTS.UPDATED_AT.desc())
                .fetch(r -> new DocumentSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        DocumentStatus.valueOf(r.value7()), r.value8(), r.value9(), r.value10(), r.value11(),
                        Visibility.valueOf(r.value12())));
        // @formatter:on
    }

    Optional<DocumentSummary> summary(TenantId tenant, UUID documentId) {
        return summaries(tenant).stream().filter(d -> d.id().equals(documentId)).findFirst();
    }

    List<DocumentVersionView> versions(TenantId tenant, UUID documentId) {
        return dsl.selectFrom(DOCUMENT_VERSIONS)
                .where(DOCUMENT_VERSIONS.TENANT_ID.eq(tenant.value()), DOCUMENT_VERSIONS.DOCUMENT_ID.eq(documentId))
                .orderBy(DOCUMENT_VERSIONS.VERSION.desc())
                .fetch(r -> new DocumentVersionView(r.getVersion(), r.getDocumentType(), r.getSizeBytes(),
                        r.getContentSha256(), DocumentStatus.valueOf(r.getStatus()), r.getStatusDetail(),
                        r.getChunkCount(), r.getAttempts(), r.getCreatedAt(), r.getIndexedAt()));
    }

    Optional<DocumentVersionView> version(TenantId tenant, UUID documentId, int version) {
        return versions(tenant, documentId).stream().filter(v -> v.version() == version).findFirst();
    }

    record StoredFile(String contentType, byte[] bytes) {
    }

    Optional<StoredFile> file(TenantId tenant, UUID documentId, int version) {
        return dsl.select(DOCUMENT_FILES.CONTENT_TYPE, DOCUMENT_FILES.BYTES)
                .from(DOCUMENT_FILES)
                .where(DOCUMENT_FILES.TENANT_ID.eq(tenant.value()), DOCUMENT_FILES.DOCUMENT_ID.eq(documentId),
                        DOCUMENT_FILES.VERSION.eq(version))
                .fetchOptional(r -> new StoredFile(r.value1(), r.value2()));
    }

    void setStatus(TenantId tenant, UUID documentId, int version, DocumentStatus status, @Nullable String detail) {
        var update = dsl.update(DOCUMENT_VERSIONS)
                .set(DOCUMENT_VERSIONS.STATUS, status.name())
                .set(DOCUMENT_VERSIONS.STATUS_DETAIL, detail)
                .set(DOCUMENT_VERSIONS.UPDATED_AT, OffsetDateTime.now());
        if (status == DocumentStatus.INDEXED) {
            update = update.set(DOCUMENT_VERSIONS.INDEXED_AT, OffsetDateTime.now());
        }
        update.where(DOCUMENT_VERSIONS.TENANT_ID.eq(tenant.value()), DOCUMENT_VERSIONS.DOCUMENT_ID.eq(documentId),
                        DOCUMENT_VERSIONS.VERSION.eq(version))
                .execute();
    }

    void countAttempt(TenantId tenant, UUID documentId, int version) {
        dsl.update(DOCUMENT_VERSIONS)
                .set(DOCUMENT_VERSIONS.ATTEMPTS, DOCUMENT_VERSIONS.ATTEMPTS.plus(1))
                .where(DOCUMENT_VERSIONS.TENANT_ID.eq(tenant.value()), DOCUMENT_VERSIONS.DOCUMENT_ID.eq(documentId),
                        DOCUMENT_VERSIONS.VERSION.eq(version))
                .execute();
    }

    /** Makes {@code version} the live one: older versions are marked replaced and their chunks dropped. */
    void makeLive(TenantId tenant, UUID documentId, int version, int chunkCount) {
        dsl.update(DOCUMENTS)
                .set(DOCUMENTS.LIVE_VERSION, version)
                .where(DOCUMENTS.TENANT_ID.eq(tenant.value()), DOCUMENTS.ID.eq(documentId))
                .execute();
        dsl.update(DOCUMENT_VERSIONS)
                .set(DOCUMENT_VERSIONS.STATUS, DocumentStatus.SUPERSEDED.name())
                .set(DOCUMENT_VERSIONS.UPDATED_AT, OffsetDateTime.now())
                .where(DOCUMENT_VERSIONS.TENANT_ID.eq(tenant.value()), DOCUMENT_VERSIONS.DOCUMENT_ID.eq(documentId),
                        DOCUMENT_VERSIONS.VERSION.lt(version), DOCUMENT_VERSIONS.STATUS.eq(DocumentStatus.INDEXED.name()))
                .execute();
        dsl.deleteFrom(CHUNKS)
                .where(CHUNKS.TENANT_ID.eq(tenant.value()), CHUNKS.DOCUMENT_ID.eq(documentId), CHUNKS.VERSION.lt(version))
                .execute();
        dsl.update(DOCUMENT_VERSIONS)
                .set(DOCUMENT_VERSIONS.STATUS, DocumentStatus.INDEXED.name())
                .set(DOCUMENT_VERSIONS.STATUS_DETAIL, (String) null)
                .set(DOCUMENT_VERSIONS.CHUNK_COUNT, chunkCount)
                .set(DOCUMENT_VERSIONS.INDEXED_AT, OffsetDateTime.now())
                .set(DOCUMENT_VERSIONS.UPDATED_AT, OffsetDateTime.now())
                .where(DOCUMENT_VERSIONS.TENANT_ID.eq(tenant.value()), DOCUMENT_VERSIONS.DOCUMENT_ID.eq(documentId),
                        DOCUMENT_VERSIONS.VERSION.eq(version))
                .execute();
    }

    boolean deleteDocument(TenantId tenant, UUID documentId) {
        return dsl.deleteFrom(DOCUMENTS)
                .where(DOCUMENTS.TENANT_ID.eq(tenant.value()), DOCUMENTS.ID.eq(documentId))
                .execute() == 1;
    }

    // ---- chunks ----------------------------------------------------------------------------------------------

    /** Replaces the chunks of one version (a retried job starts from a clean slate: no duplicates). */
    void replaceChunks(TenantId tenant, UUID documentId, int version, List<StoredChunk> chunks) {
        dsl.deleteFrom(CHUNKS)
                .where(CHUNKS.TENANT_ID.eq(tenant.value()), CHUNKS.DOCUMENT_ID.eq(documentId), CHUNKS.VERSION.eq(version))
                .execute();
        if (chunks.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(CHUNKS, CHUNKS.TENANT_ID, CHUNKS.ID, CHUNKS.DOCUMENT_ID, CHUNKS.VERSION,
                CHUNKS.ORDINAL, CHUNKS.HEADING_PATH, CHUNKS.TEXT, CHUNKS.CONTENT_SHA256, CHUNKS.EMBEDDING);
        for (StoredChunk c : chunks) {
            insert = insert.values(tenant.value(), c.id(), documentId, version, c.ordinal(),
                    c.headingPath().toArray(String[]::new), c.text(), c.contentSha256(), boxed(c.embedding()));
        }
        insert.execute();
    }

    List<StoredChunk> chunks(TenantId tenant, UUID documentId, int version) {
        return dsl.selectFrom(CHUNKS)
                .where(CHUNKS.TENANT_ID.eq(tenant.value()), CHUNKS.DOCUMENT_ID.eq(documentId), CHUNKS.VERSION.eq(version))
                .orderBy(CHUNKS.ORDINAL)
                .fetch(r -> new StoredChunk(r.getId(), r.getDocumentId(), r.getVersion(), r.getOrdinal(),
                        Arrays.asList(r.getHeadingPath()), r.getText(), r.getContentSha256(),
                        unboxed(r.getEmbedding())));
    }

    /** Stored embeddings for these chunk texts, by content hash, from anywhere in the same workspace. */
    Map<String, float[]> embeddingsByHash(TenantId tenant, List<String> hashes) {
        Map<String, float[]> found = new HashMap<>();
        dsl.selectDistinct(CHUNKS.CONTENT_SHA256, CHUNKS.EMBEDDING)
                .on(CHUNKS.CONTENT_SHA256)
                .from(CHUNKS)
                .where(CHUNKS.TENANT_ID.eq(tenant.value()), CHUNKS.CONTENT_SHA256.in(hashes), CHUNKS.EMBEDDING.isNotNull())
                .forEach(r -> found.put(r.value1(), unboxed(r.value2())));
        return found;
    }

    /** {@code latestVersion} > 1 means older versions existed, whose chunks a rebuild must make sure are gone. */
    record LiveVersion(UUID documentId, String title, int version, int latestVersion, Visibility visibility) {
    }

    List<LiveVersion> liveVersions(TenantId tenant) {
        return dsl.select(DOCUMENTS.ID, DOCUMENTS.TITLE, DOCUMENTS.LIVE_VERSION, DOCUMENTS.LATEST_VERSION,
                        DOCUMENTS.VISIBILITY)
                .from(DOCUMENTS)
                .where(DOCUMENTS.TENANT_ID.eq(tenant.value()), DOCUMENTS.LIVE_VERSION.gt(0))
                .orderBy(DOCUMENTS.ID)
                .fetch(r -> new LiveVersion(r.value1(), r.value2(), r.value3(), r.value4(),
                        Visibility.valueOf(r.value5())));
    }

    /**
     * Replaces a provisional title (from the file name) with the document's own; a title from the document or an admin
     * stays. Returns whether the title changed.
     */
    boolean adoptTitle(TenantId tenant, UUID documentId, String title) {
        return dsl.update(DOCUMENTS)
                .set(DOCUMENTS.TITLE, title)
                .set(DOCUMENTS.TITLE_SOURCE, TitleSource.DOCUMENT.name())
                .where(DOCUMENTS.TENANT_ID.eq(tenant.value()), DOCUMENTS.ID.eq(documentId),
                        DOCUMENTS.TITLE_SOURCE.eq(TitleSource.FILE_NAME.name()))
                .execute() > 0;
    }

    boolean rename(TenantId tenant, UUID documentId, String title) {
        return dsl.update(DOCUMENTS)
                .set(DOCUMENTS.TITLE, title)
                .set(DOCUMENTS.TITLE_SOURCE, TitleSource.ADMIN.name())
                .set(DOCUMENTS.UPDATED_AT, OffsetDateTime.now())
                .where(DOCUMENTS.TENANT_ID.eq(tenant.value()), DOCUMENTS.ID.eq(documentId))
                .execute() > 0;
    }

    // ---- flagged sentences -----------------------------------------------------------------------------------

    /** A flagged sentence as stored: its reasons and the hosts it links to. */
    record StoredFlag(String sentence, List<String> reasons, List<String> linkHosts) {
    }

    void replaceFlags(TenantId tenant, UUID documentId, int version, List<SentenceFlags.Flagged> flags) {
        dsl.deleteFrom(SENTENCE_FLAGS)
                .where(SENTENCE_FLAGS.TENANT_ID.eq(tenant.value()), SENTENCE_FLAGS.DOCUMENT_ID.eq(documentId),
                        SENTENCE_FLAGS.VERSION.eq(version))
                .execute();
        int ordinal = 0;
        for (SentenceFlags.Flagged flag : flags) {
            dsl.insertInto(SENTENCE_FLAGS)
                    .set(SENTENCE_FLAGS.TENANT_ID, tenant.value())
                    .set(SENTENCE_FLAGS.DOCUMENT_ID, documentId)
                    .set(SENTENCE_FLAGS.VERSION, version)
                    .set(SENTENCE_FLAGS.ORDINAL, ordinal++)
                    .set(SENTENCE_FLAGS.SENTENCE, flag.sentence())
                    .set(SENTENCE_FLAGS.REASONS, flag.reasons().stream().map(Enum::name).sorted().toArray(String[]::new))
                    .set(SENTENCE_FLAGS.LINK_HOSTS, flag.linkHosts().toArray(String[]::new))
                    .execute();
        }
    }

    List<StoredFlag> flags(TenantId tenant, UUID documentId, int version) {
        // @formatter:off
        return dsl.select(SENTENCE_FLAGS.SENTENCE, SENTENCE_FLAGS.REASONS, SENTENCE_FLAGS.LINK_HOSTS)
                .from(SENTENCE_FLAGS)
                .where(SENTENCE_FLAGS.TENANT_ID.eq(tenant.value()))
                .and(SENTENCE_FLAGS.DOCUMENT_ID.eq(documentId))
                .and(SENTENCE_FLAGS.VERSION.eq(version))
                .orderBy(SENTENCE_FLAGS.ORDINAL)
                .fetch(r -> new StoredFlag(r.get(SENTENCE_FLAGS.SENTENCE), List.of(r.get(SENTENCE_FLAGS.REASONS)),
                        List.of(r.get(SENTENCE_FLAGS.LINK_HOSTS))));
        // @formatter:on
    }

    String title(TenantId tenant, UUID documentId) {
        return dsl.select(DOCUMENTS.TITLE).from(DOCUMENTS)
                .where(DOCUMENTS.TENANT_ID.eq(tenant.value()), DOCUMENTS.ID.eq(documentId))
                .fetchOptional(DOCUMENTS.TITLE).orElse("");
    }

    // ---- status ----------------------------------------------------------------------------------------------

    record Counts(int documents, long chunks, int indexing, int failed) {
    }

    Counts counts(TenantId tenant) {
        Record r = dsl.select(countDistinct(DOCUMENTS.ID),
                        sum(DOCUMENT_VERSIONS.CHUNK_COUNT).filterWhere(DOCUMENT_VERSIONS.VERSION.eq(DOCUMENTS.LIVE_VERSION)),
                        count().filterWhere(DOCUMENT_VERSIONS.STATUS.in(DocumentStatus.QUEUED.name(),
                                DocumentStatus.PARSING.name(), DocumentStatus.CHUNKING.name(),
                                DocumentStatus.EMBEDDING.name(), DocumentStatus.INDEXING.name())),
                        count().filterWhere(DOCUMENT_VERSIONS.STATUS.eq(DocumentStatus.FAILED.name())
                                .and(DOCUMENT_VERSIONS.VERSION.eq(DOCUMENTS.LATEST_VERSION))))
                .from(DOCUMENTS)
                .join(DOCUMENT_VERSIONS).on(DOCUMENT_VERSIONS.TENANT_ID.eq(DOCUMENTS.TENANT_ID),
                        DOCUMENT_VERSIONS.DOCUMENT_ID.eq(DOCUMENTS.ID))
                .where(DOCUMENTS.TENANT_ID.eq(tenant.value()))
                .fetchSingle();
        Number chunks = (Number) r.get(1);
        return new Counts(((Number) r.get(0)).intValue(), chunks == null ? 0 : chunks.longValue(),
                ((Number) r.get(2)).intValue(), ((Number) r.get(3)).intValue());
    }

    void startRebuild(TenantId tenant, int total) {
        dsl.insertInto(REBUILDS)
                .set(REBUILDS.TENANT_ID, tenant.value())
                .set(REBUILDS.TOTAL, total)
                .onConflict(REBUILDS.TENANT_ID).doUpdate()
                .set(REBUILDS.TOTAL, total)
                .set(REBUILDS.DONE, 0)
                .set(REBUILDS.STARTED_AT, OffsetDateTime.now())
                .setNull(REBUILDS.FINISHED_AT)
                .setNull(REBUILDS.ERROR)
                .execute();
    }

    void rebuildProgress(TenantId tenant, int done, boolean finished, @Nullable String error) {
        dsl.update(REBUILDS)
                .set(REBUILDS.DONE, done)
                .set(REBUILDS.FINISHED_AT, finished ? OffsetDateTime.now() : null)
                .set(REBUILDS.ERROR, error)
                .where(REBUILDS.TENANT_ID.eq(tenant.value()))
                .execute();
    }

    Optional<KnowledgeStatus.RebuildProgress> rebuild(TenantId tenant) {
        return dsl.selectFrom(REBUILDS)
                .where(REBUILDS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(r -> new KnowledgeStatus.RebuildProgress(r.getTotal(), r.getDone(),
                        r.getFinishedAt() != null, r.getError()));
    }

    private static Float @Nullable [] boxed(float @Nullable [] v) {
        if (v == null) {
            return null;
        }
        Float[] out = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    private static float @Nullable [] unboxed(Float @Nullable [] v) {
        if (v == null) {
            return null;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
