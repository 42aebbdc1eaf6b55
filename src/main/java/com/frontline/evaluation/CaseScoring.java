package com.frontline.evaluation;

import com.frontline.chat.Citation;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores the cases of an evaluation set with the {@code eval-answers} code: a case is an {@link AnswerTask} whose
 * reference context is the expected source, its answer is classified by {@link AnswerEvaluator#classify} into an
 * {@link Outcome}, and the run's totals are {@link AnswerMetrics#metrics}' figures for all cases. Only the meaning of
 * a source differs: a case names its source as people do (a document title, a web address), so a cited source counts
 * under its title, its address and its id.
 */
final class CaseScoring {

    static final String TASK_CLASS = "answerable";

    private CaseScoring() {
    }

    /** The case as an answer task: one question, the expected answer, the expected source (normalised) if any. */
    static AnswerTask task(String id, String question, String expectedAnswer, @Nullable String expectedSource) {
        return new AnswerTask(id, "", TASK_CLASS, List.of(new AnswerTask.Turn(true, question)), expectedAnswer,
                expectedSource == null || expectedSource.isBlank() ? List.of() : List.of(key(expectedSource)));
    }

    /** The names a cited source goes by: its document's title, the full label, its address and its id. */
    static List<String> citedKeys(Citation c) {
        Set<String> keys = new LinkedHashSet<>();
        int cut = c.title().indexOf(" › ");
        keys.add(key(cut < 0 ? c.title() : c.title().substring(0, cut)));
        keys.add(key(c.title()));
        if (c.url() != null && !c.url().isBlank()) {
            keys.add(key(c.url()));
        }
        keys.add(key(c.documentId().toString()));
        return new ArrayList<>(keys);
    }

    /** How a source is compared: case, surrounding space, the scheme, "www." and trailing slashes ignored. */
    static String key(String source) {
        return source.strip().toLowerCase(Locale.ROOT)
                .replaceFirst("^https?://", "")
                .replaceFirst("^www\\.", "")
                .replaceFirst("/+$", "");
    }

    /** The answer cited the expected source; null when the case names none or was not answered. */
    static @Nullable Boolean citationHit(TaskResult r) {
        if (!r.outcome().answered() || r.task().referenceContexts().isEmpty()) {
            return null;
        }
        return r.citesReference();
    }

    /** Token F1 of the answer against the expected answer, as eval-answers scores it; null when not answered. */
    static @Nullable Double tokenF1(TaskResult r, List<String> fixedLines) {
        if (!r.outcome().answered() || r.task().referenceAnswer().isBlank()) {
            return null;
        }
        return AnswerMetrics.tokenF1(AnswerMetrics.answerWords(r.answer(), fixedLines), r.task().referenceAnswer());
    }

    /**
     * A stored result as the task result it was scored from: what the totals need (outcome, answer, confidence, time,
     * whether the expected source was cited).
     */
    static TaskResult stored(RunResult r) {
        AnswerTask task = task(r.caseId().toString(), r.question(), r.expectedAnswer(), r.expectedSource());
        Outcome outcome = r.outcome() == null ? Outcome.ERROR : r.outcome();
        List<String> cited = Boolean.TRUE.equals(r.citationHit()) ? task.referenceContexts() : List.of();
        return new TaskResult(task, outcome, r.confidence(), cited, r.answer() == null ? "" : r.answer(), null,
                List.of(), r.millis());
    }

    /** The eval-answers figures over every case of a run. */
    static AnswerMetrics.ClassMetrics totals(List<TaskResult> results, List<String> fixedLines) {
        return AnswerMetrics.metrics(AnswerMetrics.ALL, results, fixedLines);
    }
}
