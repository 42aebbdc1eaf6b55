package com.frontline.search.evaluation;

import com.frontline.search.IndexedChunk;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.TextEmbedder;
import com.frontline.search.Visibility;
import com.frontline.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A data set's corpus indexed into a tenant of its own (a random id no workspace has), one chunk per document:
 * the title as the chunk's title and the text as its text, embedded as "title\ntext" the way ingestion embeds a
 * chunk under its heading. {@link #close()} deletes the tenant's chunks again.
 * <p>
 * Documents are not split with the knowledge module's chunker: that module depends on this one, not the other way
 * round, and the shared sets' documents (FAQ answers, Wikipedia paragraphs) are passage-sized already.
 */
public final class ScratchCorpus implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScratchCorpus.class);
    private static final int EMBED_BATCH = 64;
    private static final int INDEX_BATCH = 500;

    private final KnowledgeIndex index;
    private final TenantId tenant;
    private final Map<UUID, String> documentIds;
    private volatile boolean closed;

    private ScratchCorpus(KnowledgeIndex index, TenantId tenant, Map<UUID, String> documentIds) {
        this.index = index;
        this.tenant = tenant;
        this.documentIds = documentIds;
    }

    /** Indexes the corpus (embedding it with {@code embedder}) and waits until it is searchable. */
    public static ScratchCorpus index(KnowledgeIndex index, TextEmbedder embedder, BeirDataset data) {
        TenantId tenant = TenantId.of(UUID.randomUUID());
        log.info("Indexing {} documents of {} into scratch tenant {}", data.corpus().size(), data.name(), tenant);
        Map<UUID, String> documentIds = new HashMap<>();
        ScratchCorpus corpus = new ScratchCorpus(index, tenant, documentIds);
        try {
            long start = System.nanoTime();
            List<IndexedChunk> pending = new ArrayList<>();
            List<BeirDataset.Document> documents = data.corpus().stream()
                    .filter(d -> !(d.title() + d.text()).isBlank()).toList();
            for (int from = 0; from < documents.size(); from += EMBED_BATCH) {
                List<BeirDataset.Document> batch = documents.subList(from,
                        Math.min(documents.size(), from + EMBED_BATCH));
                List<float[]> vectors = embedder.embedAll(batch.stream().map(ScratchCorpus::embeddingText).toList());
                for (int i = 0; i < batch.size(); i++) {
                    BeirDataset.Document document = batch.get(i);
                    UUID documentId = uuid("document", document.id());
                    UUID chunkId = uuid("chunk", document.id());
                    documentIds.put(chunkId, document.id());
                    pending.add(new IndexedChunk(tenant, documentId, 1, chunkId, IndexedChunk.DOCUMENT,
                            Visibility.PUBLIC, document.title(), List.of(), document.text(), vectors.get(i), null));
                }
                if (pending.size() >= INDEX_BATCH) {
                    index.index(tenant, pending);
                    pending.clear();
                }
                if ((from / EMBED_BATCH) % 16 == 15) {
                    log.info("Indexed {} of {} documents", from + batch.size(), documents.size());
                }
            }
            index.index(tenant, pending);
            index.refresh();
            log.info("Indexed {} documents in {} s", documents.size(), (System.nanoTime() - start) / 1_000_000_000);
            return corpus;
        } catch (RuntimeException e) {
            corpus.close();
            throw e;
        }
    }

    /** Title and text on separate lines, as ingestion embeds a passage below its heading path. */
    static String embeddingText(BeirDataset.Document document) {
        return document.title().isBlank() ? document.text()
                : document.text().isBlank() ? document.title() : document.title() + "\n" + document.text();
    }

    private static UUID uuid(String kind, String id) {
        return UUID.nameUUIDFromBytes((kind + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    public TenantId tenant() {
        return tenant;
    }

    /** The data set's id of the document a chunk came from. */
    public String documentId(UUID chunkId) {
        String id = documentIds.get(chunkId);
        if (id == null) {
            throw new IllegalStateException("Chunk " + chunkId + " is not part of scratch tenant " + tenant);
        }
        return id;
    }

    public int size() {
        return documentIds.size();
    }

    /** Deletes the scratch tenant's chunks; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long deleted = index.deleteTenant(tenant);
        log.info("Removed scratch tenant {} ({} chunks)", tenant, deleted);
    }
}
