package com.frontline.knowledge;

import com.frontline.knowledge.parsing.Block;
import com.frontline.knowledge.parsing.Chunk;
import com.frontline.knowledge.parsing.Chunker;
import com.frontline.knowledge.parsing.DocumentParser;
import com.frontline.knowledge.parsing.DocumentRejectedException;
import com.frontline.knowledge.parsing.ParsedDocument;
import com.frontline.knowledge.parsing.SentenceFlags;
import com.frontline.search.IndexedChunk;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.TextEmbedder;
import com.frontline.search.Visibility;
import com.frontline.shared.TenantFiles;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns one uploaded document version into searchable chunks: parse, chunk, embed (reusing stored embeddings of
 * identical text), store in PostgreSQL, index in Elasticsearch, then swap it in as the live version. Every step can
 * run again for the same version without duplicates: chunk ids are derived from (document, version, ordinal) and a
 * retry replaces the version's chunks.
 */
@Component
class IngestionPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestionPipeline.class);
    private static final int EMBED_BATCH = 32;

    private final DocumentRepository documents;
    private final FactRepository facts;
    private final TextEmbedder embedder;
    private final KnowledgeIndex index;
    private final TransactionTemplate tx;
    private final DocumentParser parser = new DocumentParser();
    private final Chunker chunker = Chunker.defaults();

    IngestionPipeline(DocumentRepository documents, FactRepository facts, TextEmbedder embedder, KnowledgeIndex index,
                      TransactionTemplate tx) {
        this.documents = documents;
        this.facts = facts;
        this.embedder = embedder;
        this.index = index;
        this.tx = tx;
    }

    void ingest(TenantId tenant, UUID documentId, int version) {
        MDC.put("tenant", tenant.toString());
        try {
            Optional<DocumentVersionView> current = documents.version(tenant, documentId, version);
            if (current.isEmpty() || current.get().status() == DocumentStatus.INDEXED
                    || current.get().status() == DocumentStatus.SUPERSEDED) {
                return; // deleted meanwhile, or already done by an earlier run
            }
            tx.executeWithoutResult(s -> documents.countAttempt(tenant, documentId, version));
            status(tenant, documentId, version, DocumentStatus.PARSING, null);
            ParsedDocument parsed;
            try {
                parsed = parse(tenant, documentId, version);
            } catch (DocumentRejectedException e) {
                status(tenant, documentId, version, DocumentStatus.FAILED, e.userMessage());
                return;
            }
            // the document's own title replaces the provisional one from its file name (first version only: a later
            // version, or an admin's rename, keeps the title customers already see)
            tx.executeWithoutResult(s -> documents.adoptTitle(tenant, documentId, parsed.title()));
            tx.executeWithoutResult(s -> documents.replaceFlags(tenant, documentId, version,
                    SentenceFlags.find(parsed.blocks().stream().map(Block::text).toList())));
            status(tenant, documentId, version, DocumentStatus.CHUNKING, null);
            List<Chunk> chunks = chunker.chunk(parsed);
            if (chunks.isEmpty()) {
                status(tenant, documentId, version, DocumentStatus.FAILED, "No text was found in this document.");
                return;
            }
            status(tenant, documentId, version, DocumentStatus.EMBEDDING, com.frontline.shared.Plurals.of(chunks.size(), "passage"));
            List<StoredChunk> stored = embed(tenant, documentId, version, chunks);
            tx.executeWithoutResult(s -> documents.replaceChunks(tenant, documentId, version, stored));

            status(tenant, documentId, version, DocumentStatus.INDEXING, null);
            String title = documents.title(tenant, documentId);
            Visibility visibility = documents.visibility(tenant, documentId).orElse(Visibility.INTERNAL);
            index.index(tenant, stored.stream().map(c -> toIndexed(tenant, title, visibility, c)).toList());
            swapIn(tenant, documentId, version, stored, title, visibility);
            log.info("Indexed document {} version {} ({} chunks)", documentId, version, stored.size());
        } finally {
            MDC.remove("tenant");
        }
    }

    /**
     * The old version leaves the index only now, after the new one is in: no moment without the document. Its
     * visibility is read again under the row lock: changed while we indexed, the chunks are indexed again with it
     * (a change waits for this lock, and its own job then re-indexes the version made live here).
     */
    void swapIn(TenantId tenant, UUID documentId, int version, List<StoredChunk> stored, String title,
                        Visibility indexedAs) {
        int chunkCount = stored.size();
        tx.executeWithoutResult(s -> {
            Optional<Integer> live = documents.lockLiveVersion(tenant, documentId);
            if (live.isEmpty()) {
                index.deleteDocument(tenant, documentId); // deleted while we worked
                return;
            }
            Visibility now = documents.visibility(tenant, documentId).orElse(Visibility.INTERNAL);
            if (now != indexedAs) {
                index.index(tenant, stored.stream().map(c -> toIndexed(tenant, title, now, c)).toList());
            }
            if (live.get() > version) {
                // a newer upload overtook this one: keep the newer, drop what we just indexed
                documents.setStatus(tenant, documentId, version, DocumentStatus.SUPERSEDED, null);
                // older than the live one only: a newer version may be being indexed by another job right now
                index.deleteOlderVersions(tenant, documentId, live.get());
                return;
            }
            if (version > 1) {
                // version 1 has no predecessor, and skipping the delete skips its index refresh: one refresh per
                // new document made many small uploads crawl (each refresh writes a segment and an HNSW graph)
                // older versions only: a newer one indexed meanwhile (by another job, or earlier in the same
                // batch) must not lose its chunks before it is swapped in
                index.deleteOlderVersions(tenant, documentId, version);
            }
            documents.makeLive(tenant, documentId, version, chunkCount);
        });
    }

    private ParsedDocument parse(TenantId tenant, UUID documentId, int version) throws DocumentRejectedException {
        DocumentRepository.StoredFile file = documents.file(tenant, documentId, version)
                .orElseThrow(() -> new IllegalStateException("File of " + documentId + " v" + version + " missing"));
        String filename = documents.summary(tenant, documentId).map(DocumentSummary::filename)
                .filter(f -> f != null && !f.isBlank()).orElse("document");
        if (file.contentType().equals(KnowledgeService.PASTED_TEXT)) {
            return parser.fromText(documents.title(tenant, documentId),
                    new String(file.bytes(), StandardCharsets.UTF_8));
        }
        return TenantFiles.withTempFile(tenant, file.bytes(),
                staged -> parser.parse(staged, filename, KnowledgeService.LIMITS));
    }

    private List<StoredChunk> embed(TenantId tenant, UUID documentId, int version, List<Chunk> chunks) {
        Map<String, float[]> known = documents.embeddingsByHash(tenant,
                chunks.stream().map(Chunk::contentHash).distinct().toList());
        List<Chunk> missing = chunks.stream().filter(c -> !known.containsKey(c.contentHash())).toList();
        for (int i = 0; i < missing.size(); i += EMBED_BATCH) {
            List<Chunk> batch = missing.subList(i, Math.min(missing.size(), i + EMBED_BATCH));
            List<float[]> vectors = embedder.embedAll(batch.stream().map(c -> embeddingText(c.headingPath(), c.text())).toList());
            for (int j = 0; j < batch.size(); j++) {
                known.put(batch.get(j).contentHash(), vectors.get(j));
            }
        }
        List<StoredChunk> stored = new ArrayList<>(chunks.size());
        for (Chunk c : chunks) {
            stored.add(new StoredChunk(chunkId(documentId, version, c.ordinal()), documentId, version, c.ordinal(),
                    c.headingPath(), c.text(), c.contentHash(), known.get(c.contentHash())));
        }
        return stored;
    }

    /** The heading path gives a passage the context its own words may lack ("Refunds > Digital goods"). */
    static String embeddingText(List<String> headingPath, String text) {
        return headingPath.isEmpty() ? text : String.join(" > ", headingPath) + "\n" + text;
    }

    static UUID chunkId(UUID documentId, int version, int ordinal) {
        return UUID.nameUUIDFromBytes((documentId + ":" + version + ":" + ordinal).getBytes(StandardCharsets.UTF_8));
    }

    static IndexedChunk toIndexed(TenantId tenant, String title, Visibility visibility, StoredChunk c) {
        return new IndexedChunk(tenant, c.documentId(), c.version(), c.id(), IndexedChunk.DOCUMENT, visibility, title,
                c.headingPath(), c.text(), c.embedding(), null);
    }

    /**
     * Indexes the live version's chunks again with the document's current visibility (after it changed). Holds the
     * document's row lock meanwhile, so a second change waits and its own run sees it.
     */
    void reindexVisibility(TenantId tenant, UUID documentId) {
        MDC.put("tenant", tenant.toString());
        try {
            tx.executeWithoutResult(s -> {
                Optional<Integer> live = documents.lockLiveVersion(tenant, documentId);
                if (live.isEmpty() || live.get() == 0) {
                    return; // deleted, or not indexed yet: ingestion reads the visibility when it indexes
                }
                Visibility visibility = documents.visibility(tenant, documentId).orElse(Visibility.INTERNAL);
                String title = documents.title(tenant, documentId);
                List<StoredChunk> chunks = fillMissingEmbeddings(tenant,
                        documents.chunks(tenant, documentId, live.get()));
                index.index(tenant, chunks.stream().map(c -> toIndexed(tenant, title, visibility, c)).toList());
                log.info("Document {} version {} re-indexed as {}", documentId, live.get(), visibility);
            });
        } finally {
            MDC.remove("tenant");
        }
    }

    private void status(TenantId tenant, UUID documentId, int version, DocumentStatus status, String detail) {
        tx.executeWithoutResult(s -> documents.setStatus(tenant, documentId, version, status, detail));
    }

    /** Re-indexes the live version's passages with the document's current title (after a rename). */
    void retitle(TenantId tenant, UUID documentId) {
        MDC.put("tenant", tenant.toString());
        try {
            Optional<DocumentSummary> summary = documents.summary(tenant, documentId);
            if (summary.isEmpty() || summary.get().liveVersion() == 0) {
                return; // deleted, or not indexed yet (indexing reads the title when it gets there)
            }
            int live = summary.get().liveVersion();
            List<StoredChunk> chunks = fillMissingEmbeddings(tenant, documents.chunks(tenant, documentId, live));
            index.index(tenant, chunks.stream().map(c -> toIndexed(tenant, summary.get().title(), summary.get().visibility(), c)).toList());
        } finally {
            MDC.remove("tenant");
        }
    }

    /** Bulk size for a rebuild: chunks of many documents go to Elasticsearch together. */
    private static final int REBUILD_BATCH = 500;

    /**
     * Re-indexes every live version from PostgreSQL, reusing stored embeddings. Chunks are written in large bulks
     * across documents and progress is saved per bulk: per-document round trips made a 1,000-document rebuild take
     * ~39 s instead of a few. Only documents that ever had another version can have stale chunks in the index, so
     * only those get a sweep of other versions.
     */
    void rebuild(TenantId tenant) {
        MDC.put("tenant", tenant.toString());
        try {
            List<DocumentRepository.LiveVersion> live = documents.liveVersions(tenant);
            tx.executeWithoutResult(s -> documents.startRebuild(tenant, live.size()));
            List<IndexedChunk> batch = new ArrayList<>();
            int done = 0;
            for (DocumentRepository.LiveVersion doc : live) {
                List<StoredChunk> chunks = fillMissingEmbeddings(tenant,
                        documents.chunks(tenant, doc.documentId(), doc.version()));
                chunks.forEach(c -> batch.add(toIndexed(tenant, doc.title(), doc.visibility(), c)));
                if (doc.latestVersion() > 1) {
                    index.index(tenant, List.copyOf(batch));
                    batch.clear();
                    index.deleteOtherVersions(tenant, doc.documentId(), doc.version());
                }
                done++;
                if (batch.size() >= REBUILD_BATCH) {
                    index.index(tenant, List.copyOf(batch));
                    batch.clear();
                    int progress = done;
                    tx.executeWithoutResult(s -> documents.rebuildProgress(tenant, progress, false, null));
                }
            }
            if (!batch.isEmpty()) {
                index.index(tenant, batch);
            }
            rebuildFacts(tenant);
            int total = done;
            tx.executeWithoutResult(s -> documents.rebuildProgress(tenant, total, true, null));
        } finally {
            MDC.remove("tenant");
        }
    }

    /** The facts other modules handed over (account facts), from PostgreSQL, a page at a time. */
    private void rebuildFacts(TenantId tenant) {
        @Nullable UUID after = null;
        while (true) {
            List<FactRepository.StoredFact> page = facts.page(tenant, after, REBUILD_BATCH);
            if (page.isEmpty()) {
                return;
            }
            index.index(tenant, page.stream().map(f -> KnowledgeFacts.toIndexed(tenant, f)).toList());
            Map<Integer, List<UUID>> byVersion = new TreeMap<>();
            page.forEach(f -> byVersion.computeIfAbsent(f.version(), v -> new ArrayList<>()).add(f.sourceId()));
            // only the newest version of each source is stored: older ones still in the index leave it
            byVersion.forEach((version, ids) -> index.deleteOtherVersions(tenant,
                    ids.stream().distinct().toList(), version));
            after = page.getLast().id();
        }
    }

    private List<StoredChunk> fillMissingEmbeddings(TenantId tenant, List<StoredChunk> chunks) {
        if (chunks.stream().allMatch(c -> c.embedding() != null)) {
            return chunks;
        }
        List<StoredChunk> out = new ArrayList<>();
        for (StoredChunk c : chunks) {
            float[] vector = c.embedding() != null ? c.embedding() : embedder.embed(embeddingText(c.headingPath(), c.text()));
            out.add(new StoredChunk(c.id(), c.documentId(), c.version(), c.ordinal(), c.headingPath(), c.text(),
                    c.contentSha256(), vector));
        }
        return out;
    }
}
