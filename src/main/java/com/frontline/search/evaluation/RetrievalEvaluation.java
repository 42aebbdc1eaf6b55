package com.frontline.search.evaluation;

import com.frontline.search.Audience;
import com.frontline.search.Passage;
import com.frontline.search.RetrievalSettings;
import com.frontline.search.internal.HybridRetriever;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every query of a data set through {@link HybridRetriever}, the path the chat takes, in each mode, against a
 * {@link ScratchCorpus}, and averages the metrics.
 */
public final class RetrievalEvaluation {

    private static final Logger log = LoggerFactory.getLogger(RetrievalEvaluation.class);
    /** Queries run once before the timed runs, so that the JIT and the node's caches do not count against p95. */
    private static final int WARM_UP_QUERIES = 25;

    private final HybridRetriever retriever;

    public RetrievalEvaluation(HybridRetriever retriever) {
        this.retriever = retriever;
    }

    public List<ModeResult> run(ScratchCorpus corpus, BeirDataset data, List<EvaluationMode> modes,
            RetrievalSettings hybrid) {
        for (BeirDataset.Query query : data.queries().subList(0, Math.min(WARM_UP_QUERIES, data.queries().size()))) {
            for (EvaluationMode mode : modes) {
                retriever.search(corpus.tenant(), Audience.VISITORS, query.text(), mode.settings(hybrid));
            }
        }
        List<ModeResult> results = new ArrayList<>();
        for (EvaluationMode mode : modes) {
            results.add(run(corpus, data, mode, mode.settings(hybrid)));
        }
        return results;
    }

    private ModeResult run(ScratchCorpus corpus, BeirDataset data, EvaluationMode mode, RetrievalSettings settings) {
        log.info("Running {} queries in mode {} with {}", data.queries().size(), mode.label(), settings);
        int n = data.queries().size();
        double[] latencies = new double[n];
        double recall1 = 0;
        double recall5 = 0;
        double recall10 = 0;
        double mrr = 0;
        double ndcg = 0;
        for (int i = 0; i < n; i++) {
            BeirDataset.Query query = data.queries().get(i);
            long start = System.nanoTime();
            List<Passage> passages = retriever.search(corpus.tenant(), Audience.VISITORS, query.text(), settings);
            latencies[i] = (System.nanoTime() - start) / 1e6;
            List<String> ranked = passages.stream().map(p -> corpus.documentId(p.chunkId())).toList();
            Map<String, Integer> relevant = data.qrels().get(query.id());
            recall1 += RetrievalMetrics.recall(ranked, relevant, 1);
            recall5 += RetrievalMetrics.recall(ranked, relevant, 5);
            recall10 += RetrievalMetrics.recall(ranked, relevant, 10);
            mrr += RetrievalMetrics.reciprocalRank(ranked, relevant, 10);
            ndcg += RetrievalMetrics.ndcg(ranked, relevant, 10);
            if ((i + 1) % 1000 == 0) {
                log.info("{}: {} of {} queries", mode.label(), i + 1, n);
            }
        }
        return new ModeResult(mode, settings, n, recall1 / n, recall5 / n, recall10 / n, mrr / n, ndcg / n,
                RetrievalMetrics.percentile(latencies, 50), RetrievalMetrics.percentile(latencies, 95));
    }
}
