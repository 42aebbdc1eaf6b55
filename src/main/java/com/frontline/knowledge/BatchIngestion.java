package com.frontline.knowledge;

import com.frontline.knowledge.IngestionClaimRepository.Claimed;
import com.frontline.knowledge.IngestionClaimRepository.Labels;
import com.frontline.knowledge.parsing.Block;
import com.frontline.knowledge.parsing.Chunk;
import com.frontline.knowledge.parsing.Chunker;
import com.frontline.knowledge.parsing.DocumentParser;
import com.frontline.knowledge.parsing.DocumentRejectedException;
import com.frontline.knowledge.parsing.ParsedDocument;
import com.frontline.knowledge.parsing.SentenceFlags;
import com.frontline.search.IndexedChunk;
import com.frontline.search.IndexingFailedException;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.TextEmbedder;
import com.frontline.shared.Plurals;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Ingests many small documents of one workspace together: an ingestion job claims its own document and up to
 * {@code frontline.knowledge.ingest-batch} other waiting ones, parses and chunks each on its own, embeds all their
 * passages in shared calls to the model, writes them to Elasticsearch in one bulk, and then makes each document live
 * in its own small transaction. One document per job spent most of its time on per-job overhead (status round trips,
 * a few passages per embedding call, a bulk request each), not in the model.
 * <p>
 * Each document keeps its own outcome: a file that cannot be read fails alone with its message; a document whose
 * passages Elasticsearch refuses, or that breaks unexpectedly, goes back to its own job (which retries it and, after
 * several attempts, marks it failed); when the whole batch breaks (the model, Elasticsearch or the database is away),
 * every unfinished document goes back to the queue. Everything a batch writes is keyed by (document, version,
 * ordinal), so a retry replaces it: no duplicate chunks.
 */
@Component
class BatchIngestion {

    private static final Logger log = LoggerFactory.getLogger(BatchIngestion.class);
    /** Texts per call to the model: it spreads one call's texts over the cores. */
    private static final int EMBED_BATCH = 64;

    private final IngestionPipeline pipeline;
    private final IngestionClaimRepository claims;
    private final DocumentRepository documents;
    private final TextEmbedder embedder;
    private final KnowledgeIndex index;
    private final TransactionTemplate tx;
    private final KnowledgeProperties properties;
    private final DocumentParser parser = new DocumentParser();
    private final Chunker chunker = Chunker.defaults();

    /** For tests: runs after a batch's passages are written to Elasticsearch, before any document is made live. */
    volatile Runnable beforeMarking = () -> {
    };

    BatchIngestion(IngestionPipeline pipeline, IngestionClaimRepository claims, DocumentRepository documents,
                   TextEmbedder embedder, KnowledgeIndex index, TransactionTemplate tx,
                   KnowledgeProperties properties) {
        this.pipeline = pipeline;
        this.claims = claims;
        this.documents = documents;
        this.embedder = embedder;
        this.index = index;
        this.tx = tx;
        this.properties = properties;
    }

    /** A version whose own job should run it again, on its own. */
    record Requeue(UUID documentId, int version) {
    }

    /**
     * What is left after a batch: other documents to queue again, and the failure of the job's own document (to be
     * thrown, so that its job retries with back-off), if it failed.
     */
    record Outcome(List<Requeue> requeue, @Nullable RuntimeException ownFailure) {
        static final Outcome DONE = new Outcome(List.of(), null);
    }

    /** Ingests the version, and other waiting ones of the workspace with it. */
    Outcome ingest(TenantId tenant, UUID documentId, int version) {
        if (properties.ingestBatch() <= 1) {
            pipeline.ingest(tenant, documentId, version);
            return Outcome.DONE;
        }
        MDC.put("tenant", tenant.toString());
        try {
            String holder = holder(tenant, documentId, version);
            List<Claimed> claimed = Objects.requireNonNull(tx.execute(s -> claims.claim(tenant, holder, documentId,
                    version, properties.ingestBatch(), properties.ingestBatchBytes(), properties.claimFor())));
            if (claimed.isEmpty()) {
                return Outcome.DONE; // finished, deleted, or in another job's batch (which queues it again if it fails)
            }
            Batch batch = new Batch(tenant, holder, claimed);
            try {
                run(batch);
            } catch (RuntimeException e) {
                // the batch as a whole broke: nothing unfinished stays claimed, and all of it is retried
                log.warn("Ingestion batch of {} documents failed: {}", claimed.size(), e.toString());
                claimed.stream().filter(c -> !batch.finished.containsKey(c))
                        .forEach(c -> batch.failed.putIfAbsent(c, e));
            }
            return settle(batch, documentId, version);
        } finally {
            MDC.remove("tenant");
        }
    }

    /** The claim holder: the job's task instance, so that a retry of the same job takes its own claims back. */
    static String holder(TenantId tenant, UUID documentId, int version) {
        return tenant + ":" + documentId + ":" + version;
    }

    private static final class Batch {
        final TenantId tenant;
        final String holder;
        final List<Claimed> claimed;
        /** Documents finished here, indexed or failed for good (a file that cannot be read). */
        final Map<Claimed, Boolean> finished = new LinkedHashMap<>();
        /** Documents that broke: back to their own job. */
        final Map<Claimed, RuntimeException> failed = new LinkedHashMap<>();

        Batch(TenantId tenant, String holder, List<Claimed> claimed) {
            this.tenant = tenant;
            this.holder = holder;
            this.claimed = claimed;
        }

        boolean open(Claimed c) {
            return !finished.containsKey(c) && !failed.containsKey(c);
        }
    }

    private record Prepared(Claimed claimed, List<Chunk> chunks) {
    }

    private void run(Batch batch) {
        TenantId tenant = batch.tenant;
        List<Prepared> prepared = new ArrayList<>();
        for (Claimed c : batch.claimed) {
            try {
                List<Chunk> chunks = parseAndChunk(tenant, c);
                if (chunks != null) {
                    prepared.add(new Prepared(c, chunks));
                } else {
                    batch.finished.put(c, false);
                }
            } catch (RuntimeException e) {
                log.warn("Document {} v{} broke while parsing: {}", c.documentId(), c.version(), e.toString());
                batch.failed.put(c, e);
            }
        }
        if (prepared.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(s -> prepared.forEach(p -> documents.setStatus(tenant, p.claimed().documentId(),
                p.claimed().version(), DocumentStatus.EMBEDDING, Plurals.of(p.chunks().size(), "passage"))));
        Map<String, float[]> vectors = embed(batch, prepared);

        Map<UUID, Labels> labels = claims.labels(tenant, prepared.stream().map(p -> p.claimed().documentId()).toList());
        Map<Claimed, List<StoredChunk>> stored = new LinkedHashMap<>();
        List<IndexedChunk> indexed = new ArrayList<>();
        for (Prepared p : prepared) {
            Claimed c = p.claimed();
            Labels label = labels.get(c.documentId());
            if (!batch.open(c) || label == null) {
                continue; // broke while embedding, or deleted meanwhile (its job finds nothing to do)
            }
            List<StoredChunk> chunks = p.chunks().stream().map(k -> new StoredChunk(
                    IngestionPipeline.chunkId(c.documentId(), c.version(), k.ordinal()), c.documentId(), c.version(),
                    k.ordinal(), k.headingPath(), k.text(), k.contentHash(), vectors.get(k.contentHash()))).toList();
            try {
                tx.executeWithoutResult(s -> {
                    documents.replaceChunks(tenant, c.documentId(), c.version(), chunks);
                    documents.setStatus(tenant, c.documentId(), c.version(), DocumentStatus.INDEXING, null);
                });
            } catch (RuntimeException e) {
                batch.failed.put(c, e);
                continue;
            }
            stored.put(c, chunks);
            chunks.forEach(k -> indexed.add(IngestionPipeline.toIndexed(tenant, label.title(), label.visibility(), k)));
        }
        if (stored.isEmpty()) {
            return;
        }
        Map<UUID, String> refused = index.indexEach(tenant, indexed);
        beforeMarking.run();
        stored.forEach((c, chunks) -> {
            List<String> reasons = chunks.stream().map(k -> refused.get(k.id())).filter(Objects::nonNull).toList();
            if (!reasons.isEmpty()) {
                batch.failed.put(c, new IndexingFailedException("Elasticsearch refused " + reasons.size() + " of "
                        + chunks.size() + " chunks of document " + c.documentId() + " v" + c.version() + "; the first: "
                        + reasons.getFirst(), reasons.size()));
                return;
            }
            Labels label = labels.get(c.documentId());
            try {
                pipeline.swapIn(tenant, c.documentId(), c.version(), chunks, label.title(), label.visibility());
                batch.finished.put(c, true);
            } catch (RuntimeException e) {
                batch.failed.put(c, e);
            }
        });
        log.info("Indexed a batch of {} documents ({} chunks)", batch.finished.values().stream()
                .filter(Boolean::booleanValue).count(), indexed.size());
    }

    /** @return the passages, or null if the document failed for good here (its status says why) */
    private @Nullable List<Chunk> parseAndChunk(TenantId tenant, Claimed c) {
        ParsedDocument parsed;
        try {
            parsed = parse(tenant, c);
        } catch (DocumentRejectedException e) {
            status(tenant, c, DocumentStatus.FAILED, e.userMessage());
            return null;
        }
        tx.executeWithoutResult(s -> {
            // the document's own title replaces the provisional one from its file name (first version only)
            documents.adoptTitle(tenant, c.documentId(), parsed.title());
            documents.replaceFlags(tenant, c.documentId(), c.version(),
                    SentenceFlags.find(parsed.blocks().stream().map(Block::text).toList()));
        });
        List<Chunk> chunks = chunker.chunk(parsed);
        if (chunks.isEmpty()) {
            status(tenant, c, DocumentStatus.FAILED, "No text was found in this document.");
            return null;
        }
        return chunks;
    }

    private ParsedDocument parse(TenantId tenant, Claimed c) throws DocumentRejectedException {
        DocumentRepository.StoredFile file = documents.file(tenant, c.documentId(), c.version())
                .orElseThrow(() -> new IllegalStateException("File of " + c.documentId() + " v" + c.version()
                        + " missing"));
        if (file.contentType().equals(KnowledgeService.PASTED_TEXT)) {
            return parser.fromText(documents.title(tenant, c.documentId()),
                    new String(file.bytes(), StandardCharsets.UTF_8));
        }
        String filename = c.filename() == null || c.filename().isBlank() ? "document" : c.filename();
        return TenantFiles.withTempFile(tenant, file.bytes(),
                staged -> parser.parse(staged, filename, KnowledgeService.LIMITS));
    }

    /**
     * Embeds the passages the workspace has no stored embedding for, in shared calls. If a shared call breaks, each
     * document is embedded on its own, so that one document's bad passage fails only that document.
     */
    private Map<String, float[]> embed(Batch batch, List<Prepared> prepared) {
        Map<String, float[]> known = documents.embeddingsByHash(batch.tenant, prepared.stream()
                .flatMap(p -> p.chunks().stream()).map(Chunk::contentHash).distinct().toList());
        Map<String, String> missing = new LinkedHashMap<>(); // hash -> text to embed
        prepared.forEach(p -> p.chunks().stream().filter(k -> !known.containsKey(k.contentHash())).forEach(k ->
                missing.putIfAbsent(k.contentHash(), IngestionPipeline.embeddingText(k.headingPath(), k.text()))));
        try {
            known.putAll(embedAll(missing));
        } catch (RuntimeException e) {
            log.warn("Embedding a batch of {} passages failed ({}); embedding its documents one by one",
                    missing.size(), e.toString());
            for (Prepared p : prepared) {
                Map<String, String> own = new LinkedHashMap<>();
                p.chunks().stream().filter(k -> !known.containsKey(k.contentHash())).forEach(k ->
                        own.putIfAbsent(k.contentHash(), IngestionPipeline.embeddingText(k.headingPath(), k.text())));
                try {
                    known.putAll(embedAll(own));
                } catch (RuntimeException single) {
                    batch.failed.put(p.claimed(), single);
                }
            }
        }
        return known;
    }

    private Map<String, float[]> embedAll(Map<String, String> textsByHash) {
        List<String> hashes = new ArrayList<>(textsByHash.keySet());
        List<String> texts = new ArrayList<>(textsByHash.values());
        Map<String, float[]> out = new HashMap<>();
        for (int i = 0; i < texts.size(); i += EMBED_BATCH) {
            int to = Math.min(texts.size(), i + EMBED_BATCH);
            List<float[]> vectors = embedder.embedAll(texts.subList(i, to));
            for (int j = i; j < to; j++) {
                out.put(hashes.get(j), vectors.get(j - i));
            }
        }
        return out;
    }

    /**
     * Lets go of what did not finish. Failed documents other than the job's own go back to their own jobs; the own
     * one's failure goes to the caller.
     */
    private Outcome settle(Batch batch, UUID documentId, int version) {
        if (batch.failed.isEmpty()) {
            return Outcome.DONE;
        }
        tx.executeWithoutResult(s -> claims.release(batch.tenant, batch.holder, batch.failed.keySet()));
        List<Requeue> requeue = new ArrayList<>();
        RuntimeException own = null;
        for (Map.Entry<Claimed, RuntimeException> f : batch.failed.entrySet()) {
            Claimed c = f.getKey();
            if (c.documentId().equals(documentId) && c.version() == version) {
                own = f.getValue();
            } else {
                requeue.add(new Requeue(c.documentId(), c.version()));
            }
        }
        return new Outcome(requeue, own);
    }

    private void status(TenantId tenant, Claimed c, DocumentStatus status, @Nullable String detail) {
        tx.executeWithoutResult(s -> documents.setStatus(tenant, c.documentId(), c.version(), status, detail));
    }
}
