package com.frontline.search.evaluation;

import com.frontline.search.RetrievalSettings;

/** One mode's averages over the data set's queries, and its query latency (embedding and searches included). */
public record ModeResult(EvaluationMode mode, RetrievalSettings settings, int queries, double recallAt1,
        double recallAt5, double recallAt10, double mrrAt10, double ndcgAt10, double p50Millis, double p95Millis) {
}
