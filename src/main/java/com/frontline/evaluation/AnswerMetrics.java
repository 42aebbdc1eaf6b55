package com.frontline.evaluation;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The figures of an answer evaluation, per task class and for all tasks.
 * <ul>
 * <li><b>answered</b>: tasks whose outcome is {@link Outcome#ANSWERED}; <b>abstained</b>: fallback, handoff or a
 * question back. Errors are neither, so answered + abstained + errors = tasks.</li>
 * <li><b>citation hit</b>: among answered tasks that have reference passages, the share citing at least one of them
 * (null when there is no such task).</li>
 * <li><b>token F1</b>: SQuAD-style token F1 of the answer against the reference answer (see {@link #tokenF1}),
 * averaged over answered tasks that expect an answer (a non-empty reference, class not unanswerable); the answer is
 * first stripped of citation markers and the persona's fixed lines (see {@link #answerWords}).</li>
 * <li><b>p50/p95</b>: nearest-rank percentiles of the time from question to stored answer, over all tasks.</li>
 * </ul>
 */
public final class AnswerMetrics {

    /** The figures of one class of tasks ({@code "all"} for every task). */
    public record ClassMetrics(String taskClass, int tasks, int answered, int abstained, int errors,
                               double answerRate, double abstainRate, @Nullable Double citationHit,
                               @Nullable Double tokenF1, double p50Ms, double p95Ms) {
    }

    public static final String ALL = "all";

    private static final Pattern CITATION = Pattern.compile("\\[\\d+(?:\\s*,\\s*\\d+)*]");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{Punct}\\p{IsPunctuation}]");
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");

    private AnswerMetrics() {
    }

    /**
     * One line per class present, in {@link AnswerTask#CLASSES} order (other classes after them, by name), then
     * {@value #ALL}.
     *
     * @param fixedLines the persona's fixed opening and closing lines, removed from answers before token F1
     */
    public static List<ClassMetrics> summarise(List<TaskResult> results, List<String> fixedLines) {
        Map<String, List<TaskResult>> byClass = new LinkedHashMap<>();
        for (String c : AnswerTask.CLASSES) {
            byClass.put(c, new ArrayList<>());
        }
        Map<String, List<TaskResult>> others = new java.util.TreeMap<>();
        for (TaskResult r : results) {
            (byClass.containsKey(r.task().taskClass()) ? byClass : others)
                    .computeIfAbsent(r.task().taskClass(), k -> new ArrayList<>()).add(r);
        }
        byClass.putAll(others);
        List<ClassMetrics> lines = new ArrayList<>();
        byClass.forEach((c, rs) -> {
            if (!rs.isEmpty()) {
                lines.add(metrics(c, rs, fixedLines));
            }
        });
        lines.add(metrics(ALL, results, fixedLines));
        return lines;
    }

    static ClassMetrics metrics(String taskClass, List<TaskResult> results, List<String> fixedLines) {
        int tasks = results.size();
        int answered = 0;
        int abstained = 0;
        int errors = 0;
        int withReferences = 0;
        int hits = 0;
        int scored = 0;
        double f1 = 0;
        List<Double> millis = new ArrayList<>();
        for (TaskResult r : results) {
            millis.add(r.millis());
            if (r.outcome() == Outcome.ERROR) {
                errors++;
            } else if (r.outcome().abstained()) {
                abstained++;
            }
            if (!r.outcome().answered()) {
                continue;
            }
            answered++;
            if (!r.task().referenceContexts().isEmpty()) {
                withReferences++;
                if (r.citesReference()) {
                    hits++;
                }
            }
            if (!r.task().unanswerable() && !r.task().referenceAnswer().isBlank()) {
                scored++;
                f1 += tokenF1(answerWords(r.answer(), fixedLines), r.task().referenceAnswer());
            }
        }
        millis.sort(null);
        return new ClassMetrics(taskClass, tasks, answered, abstained, errors, rate(answered, tasks),
                rate(abstained, tasks), withReferences == 0 ? null : (double) hits / withReferences,
                scored == 0 ? null : f1 / scored, percentile(millis, 0.50), percentile(millis, 0.95));
    }

    /** The answer without citation markers ({@code [1]}, {@code [2, 3]}) and without the persona's fixed lines. */
    public static String answerWords(String answer, List<String> fixedLines) {
        String text = answer;
        for (String line : fixedLines) {
            if (!line.isBlank()) {
                text = text.replace(line, " ");
            }
        }
        return CITATION.matcher(text).replaceAll(" ").strip();
    }

    /**
     * SQuAD's token F1: both texts lowercased, punctuation removed, the articles a, an and the removed, split on
     * whitespace; precision and recall over the bag of tokens they share. 0 when they share none (or one is empty).
     */
    public static double tokenF1(String prediction, String reference) {
        List<String> predicted = tokens(prediction);
        List<String> expected = tokens(reference);
        Map<String, Integer> counts = new HashMap<>();
        expected.forEach(t -> counts.merge(t, 1, Integer::sum));
        int same = 0;
        for (String t : predicted) {
            Integer left = counts.get(t);
            if (left != null && left > 0) {
                counts.put(t, left - 1);
                same++;
            }
        }
        if (same == 0) {
            return 0;
        }
        double precision = (double) same / predicted.size();
        double recall = (double) same / expected.size();
        return 2 * precision * recall / (precision + recall);
    }

    static List<String> tokens(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        s = PUNCTUATION.matcher(s).replaceAll("");
        s = ARTICLES.matcher(s).replaceAll(" ");
        String stripped = s.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
    }

    private static double rate(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** Nearest rank: the smallest value with at least {@code p} of the values at or below it; 0 for none. */
    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)));
    }
}
