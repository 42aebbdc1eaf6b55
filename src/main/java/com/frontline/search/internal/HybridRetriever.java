package com.frontline.search.internal;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.frontline.platform.elasticsearch.ElasticsearchUnavailableException;
import com.frontline.search.Audience;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One search over a tenant's knowledge, the path every caller takes (the chat through
 * {@link com.frontline.search.KnowledgeSearch}, the settings page's "Try a query", the {@code eval-retrieval}
 * command): the {@link PassageSource}s first, then BM25 and kNN from the index, fused by {@link Fuser}, cut by the
 * minimum score and {@code topK} with at most two passages of one document in the top five ({@link TopCut}), each
 * passage with its absolute relevance.
 * <p>
 * The query is embedded first, then BM25 and kNN go to Elasticsearch in one {@code _msearch}, which runs them side by
 * side: measured faster on 2 cores than running them from parallel client threads (BENCHMARKS.md).
 */
public final class HybridRetriever {

    /** Longer queries are cut here (at a word boundary): more words only dilute BM25 and exceed MiniLM's window. */
    public static final int MAX_QUERY_CHARS = 1_000;

    private final KnowledgeIndex index;
    private final TextEmbedder embedder;
    private final Supplier<List<PassageSource>> sources;

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
    public List<Passage> search(TenantId tenant, Audience audience, String query, RetrievalSettings settings) {
        Objects.requireNonNull(audience, "Every search names its audience");
        String text = normalise(query);
        if (text.isEmpty()) {
            return List.of();
        }
        try {
            return searchNormalised(tenant, audience, text, settings);
        } catch (ElasticsearchUnavailableException | UncheckedIOException | ElasticsearchException e) {
            throw new SearchUnavailableException("The knowledge index of tenant " + tenant
                    + " cannot be searched: " + e.getMessage(), e);
        }
    }

    private List<Passage> searchNormalised(TenantId tenant, Audience audience, String text,
                                           RetrievalSettings settings) {
        float[] vector = embedder.embed(text);
        List<Passage> result = new ArrayList<>(settings.topK());
        Set<UUID> seen = new HashSet<>();
        for (PassageSource source : sources.get()) {
            for (Passage passage : source.find(tenant, audience, text, vector, settings)) {
                // a source that forgot the audience still never reaches visitors with an internal passage
                if (result.size() < settings.topK() && audience.sees(passage.visibility())
                        && seen.add(passage.chunkId())) {
                    result.add(passage);
                }
            }
        }

        List<IndexHit> bm25 = List.of();
        List<IndexHit> dense = List.of();
        if (settings.bm25Weight() >= 1) {
            bm25 = index.bm25(tenant, audience, text, settings.candidates());
        } else if (settings.bm25Weight() <= 0) {
            dense = index.knn(tenant, audience, vector, settings.candidates());
        } else {
            KnowledgeIndex.HybridHits both = index.bm25AndKnn(tenant, audience, text, vector, settings.candidates());
            bm25 = both.bm25();
            dense = both.knn();
        }
        List<Fuser.Fused> eligible = new ArrayList<>();
        for (Fuser.Fused f : Fuser.fuse(bm25, dense, Fuser.countWords(text), settings)) {
            if (f.score() < settings.minScore()) {
                break;
            }
            if (seen.add(f.hit().chunkId())) {
                eligible.add(f);
            }
        }
        List<Fuser.Fused> chosen = TopCut.cut(eligible, f -> f.hit().documentId(),
                result.stream().map(Passage::documentId).toList(), settings.topK() - result.size());

        // passages the dense side did not propose have no cosine yet: one more (exact, tiny) request
        Map<UUID, Double> cosines = index.similarities(tenant, audience, vector, chosen.stream()
                .filter(f -> f.denseScore() == null).map(f -> f.hit().chunkId()).toList());
        for (Fuser.Fused f : chosen) {
            Double denseScore = f.denseScore();
            double cosine = denseScore != null ? 2 * denseScore - 1 : cosines.getOrDefault(f.hit().chunkId(), 0.0);
            IndexHit hit = f.hit();
            result.add(new Passage(hit.chunkId(), hit.documentId(), hit.version(), hit.sourceType(), hit.visibility(), hit.title(),
                    hit.headingPath(), hit.text(), hit.sourceUrl(), f.score(), Math.max(0, Math.min(1, cosine)),
                    f.bm25Rank(), f.denseRank()));
        }
        return result;
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
