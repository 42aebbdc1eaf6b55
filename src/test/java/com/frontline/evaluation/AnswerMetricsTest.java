package com.frontline.evaluation;

import com.frontline.evaluation.AnswerMetrics.ClassMetrics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The figures of an answer evaluation on six hand-made results, each worked out by hand in the comments. */
class AnswerMetricsTest {

    static final String OPENING = "Happy to help! Here's what our help articles say:";
    static final String CLOSING = "I hope that helps. Just ask if anything is unclear!";
    static final List<String> FIXED = List.of(OPENING, CLOSING);

    static AnswerTask task(String id, String taskClass, String reference, String... contexts) {
        return new AnswerTask(id, "test", taskClass, List.of(new AnswerTask.Turn(true, "question " + id)), reference,
                List.of(contexts));
    }

    static TaskResult result(AnswerTask task, Outcome outcome, String answer, double millis, String... cited) {
        return new TaskResult(task, outcome, 0.5, List.of(cited), answer, "question", List.of(), millis);
    }

    /**
     * a1: answered, cites its passage. Answer words "The cat sat on a red mat ." → tokens cat sat on red mat (5);
     * reference "The cat sat on the mat." → cat sat on mat (4); 4 shared: P 4/5, R 1, F1 = 2·0.8·1/1.8 = 0.8889.
     * a2: answered, cites the wrong passage. "Shipping takes two days" → 4 tokens; "Orders ship in two days" → 5;
     * shared two, days: P 2/4, R 2/5, F1 = 2·0.5·0.4/0.9 = 0.4444.
     * a3: fallback. u1: unanswerable but answered (no reference passages, so no citation hit; no F1).
     * u2: unanswerable, handed off. p1: partial, failed (neither answered nor abstained).
     */
    static List<TaskResult> results() {
        return List.of(
                result(task("a1", "answerable", "The cat sat on the mat.", "p1"), Outcome.ANSWERED,
                        OPENING + "\n\nThe cat sat on a red mat [1].\n\n" + CLOSING, 100, "p1"),
                result(task("a2", "answerable", "Orders ship in two days", "p2"), Outcome.ANSWERED,
                        "Shipping takes two days [1]", 300, "p3"),
                result(task("a3", "answerable", "Anything", "p4"), Outcome.FALLBACK, "I'm not sure.", 200),
                result(task("u1", "unanswerable", "I do not know."), Outcome.ANSWERED, "The cat sat [1]", 50, "p1"),
                result(task("u2", "unanswerable", ""), Outcome.HANDOFF, "", 400),
                result(task("p1", "partial", "Part of it", "p5"), Outcome.ERROR, "", 10));
    }

    @Test
    void countsRatesCitationHitAndF1PerClassAndForAll() {
        List<ClassMetrics> metrics = AnswerMetrics.summarise(results(), FIXED);

        assertThat(metrics).extracting(ClassMetrics::taskClass)
                .containsExactly("answerable", "partial", "unanswerable", "all");
        ClassMetrics answerable = metrics.get(0);
        assertThat(answerable.tasks()).isEqualTo(3);
        assertThat(answerable.answered()).isEqualTo(2);
        assertThat(answerable.abstained()).isEqualTo(1);
        assertThat(answerable.answerRate()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(answerable.abstainRate()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(answerable.citationHit()).isEqualTo(0.5); // a1 hits, a2 misses
        assertThat(answerable.tokenF1()).isCloseTo((8 / 9.0 + 4 / 9.0) / 2, within(1e-9)); // 0.6667
        assertThat(answerable.p50Ms()).isEqualTo(200); // nearest rank of 100, 200, 300
        assertThat(answerable.p95Ms()).isEqualTo(300);

        ClassMetrics partial = metrics.get(1);
        assertThat(partial.tasks()).isEqualTo(1);
        assertThat(partial.answered()).isZero();
        assertThat(partial.abstained()).isZero();
        assertThat(partial.errors()).isEqualTo(1);
        assertThat(partial.citationHit()).isNull();
        assertThat(partial.tokenF1()).isNull();

        ClassMetrics unanswerable = metrics.get(2);
        assertThat(unanswerable.answered()).isEqualTo(1);
        assertThat(unanswerable.abstained()).isEqualTo(1);
        assertThat(unanswerable.abstainRate()).isEqualTo(0.5);
        assertThat(unanswerable.citationHit()).as("no reference passages").isNull();
        assertThat(unanswerable.tokenF1()).as("an unanswerable task's reference is an abstention").isNull();
        assertThat(unanswerable.p50Ms()).isEqualTo(50);
        assertThat(unanswerable.p95Ms()).isEqualTo(400);

        ClassMetrics all = metrics.get(3);
        assertThat(all.tasks()).isEqualTo(6);
        assertThat(all.answered()).isEqualTo(3);
        assertThat(all.abstained()).isEqualTo(2);
        assertThat(all.errors()).isEqualTo(1);
        assertThat(all.answerRate()).isEqualTo(0.5);
        assertThat(all.abstainRate()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(all.citationHit()).isEqualTo(0.5); // a1 and a2 have reference passages; u1 has none
        assertThat(all.tokenF1()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(all.p50Ms()).isEqualTo(100); // 10 50 100 200 300 400: rank ceil(3) = 3
        assertThat(all.p95Ms()).isEqualTo(400); // rank ceil(5.7) = 6
    }

    @Test
    void tokenF1FollowsSquad() {
        // lowercased, punctuation and articles gone: "cat sat" against "cat sat": 1
        assertThat(AnswerMetrics.tokenF1("The CAT, sat!", "a cat sat")).isEqualTo(1.0);
        // bag of tokens: "yes yes" vs "yes": 1 shared, P 1/2, R 1/1, F1 2/3
        assertThat(AnswerMetrics.tokenF1("yes yes", "yes")).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(AnswerMetrics.tokenF1("nothing alike", "different words")).isZero();
        assertThat(AnswerMetrics.tokenF1("", "words")).isZero();
        assertThat(AnswerMetrics.tokenF1("the a an", "the")).as("only articles: no tokens").isZero();
        // curly quotes and dashes count as punctuation too: “refund” – within → refund within
        assertThat(AnswerMetrics.tokenF1("“refund” – within", "refund within")).isEqualTo(1.0);
    }

    @Test
    void answerWordsLeaveOutCitationMarkersAndThePersonasFixedLines() {
        String answer = OPENING + "\n\nReturns are free [1]. Refunds take five days [2, 3].\n\n" + CLOSING;

        assertThat(AnswerMetrics.answerWords(answer, FIXED)).isEqualTo("Returns are free . Refunds take five days .");
    }

    @Test
    void classesOutsideTheKnownOnesComeAfterThemByName() {
        List<TaskResult> results = new ArrayList<>();
        results.add(result(task("z", "zeta", "x"), Outcome.ANSWERED, "x", 1));
        results.add(result(task("g", "greeting", "hi"), Outcome.ANSWERED, "hi", 1));
        results.add(result(task("c", "conversational", "ok"), Outcome.ANSWERED, "ok", 1));
        results.add(result(task("u", "underspecified", "which"), Outcome.CLARIFY, "which one?", 1));

        assertThat(AnswerMetrics.summarise(results, FIXED)).extracting(ClassMetrics::taskClass)
                .containsExactly("underspecified", "conversational", "greeting", "zeta", "all");
        assertThat(AnswerMetrics.summarise(results, FIXED).getFirst().abstained())
                .as("a question back is an abstention").isEqualTo(1);
    }

    @Test
    void jsonLinesHaveExactlyTheIssuesKeys() {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> lines = AnswerReport.jsonLines(AnswerMetrics.summarise(results(), FIXED)).stream()
                .map(json::readTree).toList();

        for (JsonNode line : lines) {
            assertThat(line.propertyNames()).containsExactly("class", "tasks", "answered", "abstained",
                    "answer_rate", "abstain_rate", "citation_hit", "token_f1", "p50_ms", "p95_ms");
        }
        JsonNode all = lines.getLast();
        assertThat(all.get("class").asString()).isEqualTo("all");
        assertThat(all.get("answer_rate").asDouble()).isEqualTo(0.5);
        assertThat(all.get("abstain_rate").asDouble()).isEqualTo(0.3333);
        assertThat(all.get("token_f1").asDouble()).isEqualTo(0.6667);
        assertThat(lines.get(1).get("citation_hit").isNull()).isTrue();
    }

    @Test
    void aTaskRecordCarriesWhatTheLeadTunesWith() {
        JsonMapper json = JsonMapper.builder().build();
        TaskResult r = new TaskResult(task("a1", "answerable", "ref", "p1"), Outcome.ANSWERED, 0.71234,
                List.of("p1"), "Answer [1]", "standalone question",
                List.of(new TaskResult.Retrieved("p1", 1.0, 0.65, 1, null)), 12.34);

        JsonNode record = json.readTree(AnswerReport.taskRecord(r));

        assertThat(record.propertyNames()).contains("id", "class", "answered", "outcome", "confidence", "cited",
                "answer", "query", "passages", "reference_contexts");
        assertThat(record.get("outcome").asString()).isEqualTo("ANSWERED");
        assertThat(record.get("confidence").asDouble()).isEqualTo(0.7123);
        assertThat(record.get("query").asString()).isEqualTo("standalone question");
        JsonNode passage = record.get("passages").get(0);
        assertThat(passage.get("id").asString()).isEqualTo("p1");
        assertThat(passage.get("bm25_rank").asInt()).isEqualTo(1);
        assertThat(passage.get("dense_rank").isNull()).isTrue();
        assertThat(record.get("reference_contexts").get(0).asString()).isEqualTo("p1");
    }
}
