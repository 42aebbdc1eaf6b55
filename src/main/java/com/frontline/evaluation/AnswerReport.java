package com.frontline.evaluation;

import com.frontline.evaluation.AnswerMetrics.ClassMetrics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The output of an answer evaluation: a table for people, JSON lines for scripts, one record per task. */
public final class AnswerReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnswerReport() {
    }

    /**
     * One line per class, with exactly the keys {@code class, tasks, answered, abstained, answer_rate, abstain_rate,
     * citation_hit, token_f1, p50_ms, p95_ms}; citation_hit and token_f1 are null when no task counts for them.
     */
    public static List<String> jsonLines(List<ClassMetrics> metrics) {
        return metrics.stream().map(m -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("class", m.taskClass());
            line.put("tasks", m.tasks());
            line.put("answered", m.answered());
            line.put("abstained", m.abstained());
            line.put("answer_rate", round(m.answerRate()));
            line.put("abstain_rate", round(m.abstainRate()));
            line.put("citation_hit", m.citationHit() == null ? null : round(m.citationHit()));
            line.put("token_f1", m.tokenF1() == null ? null : round(m.tokenF1()));
            line.put("p50_ms", millis(m.p50Ms()));
            line.put("p95_ms", millis(m.p95Ms()));
            return JSON.writeValueAsString(line);
        }).toList();
    }

    public static String table(String heading, List<ClassMetrics> metrics) {
        StringBuilder out = new StringBuilder(heading).append(System.lineSeparator());
        out.append(String.format(Locale.ROOT, "%-15s %6s %9s %10s %8s %8s %9s %9s %7s %7s%n", "class", "tasks",
                "answered", "abstained", "answer%", "abstain%", "cite hit", "token F1", "p50 ms", "p95 ms"));
        for (ClassMetrics m : metrics) {
            out.append(String.format(Locale.ROOT, "%-15s %6d %9d %10d %7.1f%% %7.1f%% %9s %9s %7.0f %7.0f%n",
                    m.taskClass(), m.tasks(), m.answered(), m.abstained(), 100 * m.answerRate(),
                    100 * m.abstainRate(), m.citationHit() == null ? "-"
                            : String.format(Locale.ROOT, "%.1f%%", 100 * m.citationHit()),
                    m.tokenF1() == null ? "-" : String.format(Locale.ROOT, "%.3f", m.tokenF1()), m.p50Ms(),
                    m.p95Ms()));
        }
        ClassMetrics all = metrics.getLast();
        if (all.errors() > 0) {
            out.append(String.format(Locale.ROOT, "%d task(s) failed (neither answered nor abstained)%n",
                    all.errors()));
        }
        return out.toString();
    }

    /**
     * One task: {@code id, class, answered, outcome, confidence, cited, answer, query, passages (id, score,
     * relevance, bm25_rank, dense_rank), reference_contexts}.
     */
    public static String taskRecord(TaskResult r) {
        Map<String, @Nullable Object> line = new LinkedHashMap<>();
        line.put("id", r.task().id());
        line.put("class", r.task().taskClass());
        line.put("answered", r.outcome().answered());
        line.put("outcome", r.outcome().name());
        line.put("confidence", r.confidence() == null ? null : round(r.confidence()));
        line.put("cited", r.cited());
        line.put("answer", r.answer());
        line.put("query", r.query());
        line.put("passages", r.passages().stream().map(p -> {
            Map<String, @Nullable Object> passage = new LinkedHashMap<>();
            passage.put("id", p.id());
            passage.put("score", round(p.score()));
            passage.put("relevance", round(p.relevance()));
            passage.put("bm25_rank", p.bm25Rank());
            passage.put("dense_rank", p.denseRank());
            return passage;
        }).toList());
        line.put("reference_contexts", r.task().referenceContexts());
        line.put("ms", millis(r.millis()));
        return JSON.writeValueAsString(line);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static double millis(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
