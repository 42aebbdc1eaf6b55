package com.frontline.search.internal;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.frontline.platform.elasticsearch.ElasticsearchUnavailableException;
import com.frontline.search.IndexHit;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.Passage;
import com.frontline.search.PassageSource;
import com.frontline.search.RetrievalSettings;
import com.frontline.search.SearchUnavailableException;
import com.frontline.search.TextEmbedder;
import com.frontline.shared.TenantId;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * One search over a tenant's knowledge, the path every caller takes (the chat through
 * {@link com.frontline.search.KnowledgeSearch}, the settings page's "Try a query", the {@code eval-retrieval}
 * command): the {@link PassageSource}s first, then BM25 and kNN from the index, fused by {@link Fuser}, cut by the
 * minimum score and {@code topK}, each passage with its absolute relevance.
 * <p>
 * BM25 runs on a virtual thread while the query is embedded and the kNN search runs, so the slowest of them sets the
 * pace, not their sum.
 */
public final class HybridRetriever {

    /** Longer queries are cut here (at a word boundary): more words only dilute BM25 and exceed MiniLM's window. */
    public static final int MAX_QUERY_CHARS = 1_000;

    private final KnowledgeIndex index;
    private final TextEmbedder embedder;
    private final Supplier<List<PassageSource>> sources;
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("search-bm25-", 0).factory());

    /** @param sources the passage sources to consult first, in order; asked for on every search */
    public HybridRetriever(KnowledgeIndex index, TextEmbedder embedder, Supplier<List<PassageSource>> sources) {
        this.index = index;
        this.embedder = embedder;
        this.sources = sources;
    }

    /**
     * @return at most {@code settings.topK()} passages, best first; none for a blank query
     * @throws SearchUnavailableException if Elasticsearch cannot be searched
     */
    public List<Passage> search(TenantId tenant, String query, RetrievalSettings settings) {
        String text = normalise(query);
        if (text.isEmpty()) {
            return List.of();
        }
        try {
            return searchNormalised(tenant, text, settings);
        } catch (ElasticsearchUnavailableException | UncheckedIOException | ElasticsearchException e) {
            throw new SearchUnavailableException("The knowledge index of tenant " + tenant
                    + " cannot be searched: " + e.getMessage(), e);
        }
    }

    private List<Passage> searchNormalised(TenantId tenant, String text, RetrievalSettings settings) {
        boolean useBm25 = settings.bm25Weight() > 0;
        boolean useDense = settings.bm25Weight() < 1;
        CompletableFuture<List<IndexHit>> bm25 = useBm25
                ? CompletableFuture.supplyAsync(() -> index.bm25(tenant, text, settings.candidates()), background)
                : CompletableFuture.completedFuture(List.of());
        float[] vector;
        try {
            vector = embedder.embed(text);
        } catch (RuntimeException e) {
            bm25.cancel(false);
            throw e;
        }
        // Passages only BM25 found need their cosine looked up. Most of them are among BM25's first topK, so that
        // lookup starts as soon as BM25 answers, alongside the kNN search, instead of after the fusion.
        CompletableFuture<Map<UUID, Double>> earlyCosines = bm25.thenApplyAsync(hits -> index.similarities(tenant,
                vector, hits.stream().limit(settings.topK()).map(IndexHit::chunkId).toList()), background);

        List<Passage> result = new ArrayList<>(settings.topK());
        Set<UUID> seen = new HashSet<>();
        for (PassageSource source : sources.get()) {
            for (Passage passage : source.find(tenant, text, vector, settings)) {
                if (result.size() < settings.topK() && seen.add(passage.chunkId())) {
                    result.add(passage);
                }
            }
        }
        List<IndexHit> dense = useDense ? index.knn(tenant, vector, settings.candidates()) : List.of();
        List<Fuser.Fused> fused = Fuser.fuse(join(bm25), dense, settings);

        List<Fuser.Fused> chosen = new ArrayList<>();
        for (Fuser.Fused f : fused) {
            if (result.size() + chosen.size() >= settings.topK() || f.score() < settings.minScore()) {
                break;
            }
            if (seen.add(f.hit().chunkId())) {
                chosen.add(f);
            }
        }
        Map<UUID, Double> cosines = new HashMap<>(join(earlyCosines));
        List<UUID> missing = chosen.stream().filter(f -> f.denseScore() == null).map(f -> f.hit().chunkId())
                .filter(id -> !cosines.containsKey(id)).toList();
        cosines.putAll(index.similarities(tenant, vector, missing));
        for (Fuser.Fused f : chosen) {
            Double denseScore = f.denseScore();
            double cosine = denseScore != null ? 2 * denseScore - 1 : cosines.getOrDefault(f.hit().chunkId(), 0.0);
            IndexHit hit = f.hit();
            result.add(new Passage(hit.chunkId(), hit.documentId(), hit.version(), hit.sourceType(), hit.title(),
                    hit.headingPath(), hit.text(), hit.sourceUrl(), f.score(), Math.max(0, Math.min(1, cosine)),
                    f.bm25Rank(), f.denseRank()));
        }
        return result;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Trims, collapses whitespace and cuts at {@link #MAX_QUERY_CHARS}, at the last space before it if any. */
    public static String normalise(String query) {
        String text = query.strip().replaceAll("\\s+", " ");
        if (text.length() <= MAX_QUERY_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_QUERY_CHARS);
        if (cut < MAX_QUERY_CHARS / 2) {
            // no space near the end: cut anywhere, but never between the two halves of a surrogate pair
            cut = Character.isHighSurrogate(text.charAt(MAX_QUERY_CHARS - 1)) ? MAX_QUERY_CHARS - 1 : MAX_QUERY_CHARS;
        }
        return text.substring(0, cut).strip();
    }
}
