package com.frontline.search.evaluation;

import com.frontline.search.RetrievalSettings;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The command's output: a table for people, or one JSON object per mode per line for scripts. */
public final class EvalReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EvalReport() {
    }

    public static String table(BeirDataset data, int chunks, List<ModeResult> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %,d documents (one chunk each: %,d), %,d queries%n",
                data.name(), data.corpus().size(), chunks, data.queries().size()));
        out.append(String.format(Locale.ROOT, "%-7s %8s %9s %9s %10s %7s %8s %7s %7s%n", "mode", "queries",
                "recall@1", "recall@5", "recall@10", "MRR@10", "nDCG@10", "p50 ms", "p95 ms"));
        for (ModeResult r : results) {
            out.append(String.format(Locale.ROOT, "%-7s %8d %9.3f %9.3f %10.3f %7.3f %8.3f %7.1f %7.1f%n",
                    r.mode().label(), r.queries(), r.recallAt1(), r.recallAt5(), r.recallAt10(), r.mrrAt10(),
                    r.ndcgAt10(), r.p50Millis(), r.p95Millis()));
        }
        results.stream().filter(r -> r.mode() == EvaluationMode.HYBRID).findFirst().ifPresent(r -> out.append(
                "hybrid: " + describe(r.settings()) + System.lineSeparator()));
        return out.toString();
    }

    /** One line per mode; the keys the issue names, then the data set and the settings. */
    public static List<String> jsonLines(BeirDataset data, List<ModeResult> results) {
        return results.stream().map(r -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("mode", r.mode().label());
            line.put("queries", r.queries());
            line.put("recall@1", round(r.recallAt1()));
            line.put("recall@5", round(r.recallAt5()));
            line.put("recall@10", round(r.recallAt10()));
            line.put("mrr@10", round(r.mrrAt10()));
            line.put("ndcg@10", round(r.ndcgAt10()));
            line.put("p50_ms", Math.round(r.p50Millis() * 10) / 10.0);
            line.put("p95_ms", Math.round(r.p95Millis() * 10) / 10.0);
            line.put("dataset", data.name());
            line.put("documents", data.corpus().size());
            line.put("fusion", r.settings().fusion().name().toLowerCase(Locale.ROOT));
            line.put("bm25_weight", r.settings().bm25Weight());
            line.put("candidates", r.settings().candidates());
            line.put("min_score", r.settings().minScore());
            return JSON.writeValueAsString(line);
        }).toList();
    }

    static String describe(RetrievalSettings s) {
        return String.format(Locale.ROOT, "%s fusion, BM25 weight %.2f, %d candidates per retriever, min score %.2f",
                s.fusion().name().toLowerCase(Locale.ROOT), s.bm25Weight(), s.candidates(), s.minScore());
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
