package com.frontline.evaluation;

import com.frontline.chat.Citation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A case is scored by the eval-answers code: its outcome, citation hit and token F1, and the run's totals. */
class CaseScoringTest {

    static TaskResult result(AnswerTask task, Outcome outcome, String answer, List<String> cited) {
        return new TaskResult(task, outcome, 0.8, cited, answer, "q", List.of(), 10);
    }

    @Test
    void aCitedSourceCountsUnderItsTitleAddressOrId() {
        UUID doc = UUID.randomUUID();
        Citation c = new Citation(1, doc, "DOCUMENT", "Returns policy › Refund timing", "quote",
                "https://www.example.com/returns/");

        List<String> keys = CaseScoring.citedKeys(c);

        assertThat(keys).contains("returns policy", "returns policy › refund timing", "example.com/returns",
                doc.toString());
        AnswerTask byTitle = CaseScoring.task("1", "Q?", "A", " Returns Policy ");
        AnswerTask byUrl = CaseScoring.task("2", "Q?", "A", "http://example.com/returns");
        AnswerTask other = CaseScoring.task("3", "Q?", "A", "Shipping");
        assertThat(CaseScoring.citationHit(result(byTitle, Outcome.ANSWERED, "A", keys))).isTrue();
        assertThat(CaseScoring.citationHit(result(byUrl, Outcome.ANSWERED, "A", keys))).isTrue();
        assertThat(CaseScoring.citationHit(result(other, Outcome.ANSWERED, "A", keys))).isFalse();
    }

    @Test
    void noCitationHitOrF1WithoutAnAnswerOrAnExpectedSource() {
        AnswerTask task = CaseScoring.task("1", "Q?", "Refunds take five days", null);

        assertThat(CaseScoring.citationHit(result(task, Outcome.ANSWERED, "x", List.of()))).isNull();
        assertThat(CaseScoring.tokenF1(result(task, Outcome.FALLBACK, "Refunds take five days", List.of()),
                List.of())).isNull();
    }

    @Test
    void tokenF1IsTheEvalAnswersScoreWithoutCitationMarkersAndFixedLines() {
        AnswerTask task = CaseScoring.task("1", "Q?", "Refunds take five business days.", null);
        String answer = "Here is what I found: Refunds take five business days [1].";

        double f1 = CaseScoring.tokenF1(result(task, Outcome.ANSWERED, answer, List.of()),
                List.of("Here is what I found:"));

        assertThat(f1).isEqualTo(AnswerMetrics.tokenF1("Refunds take five business days .",
                "Refunds take five business days.")).isEqualTo(1.0);
    }

    @Test
    void totalsAreTheEvalAnswersFiguresAndSurviveBeingStored() {
        AnswerTask hit = CaseScoring.task("1", "Q1?", "five days", "Returns policy");
        AnswerTask miss = CaseScoring.task("2", "Q2?", "we ship to the EU", "Shipping");
        AnswerTask unsure = CaseScoring.task("3", "Q3?", "in Berlin", null);
        List<TaskResult> live = List.of(
                result(hit, Outcome.ANSWERED, "five days", List.of("returns policy")),
                result(miss, Outcome.ANSWERED, "we ship worldwide", List.of("faq")),
                result(unsure, Outcome.FALLBACK, "I am not sure.", List.of()));

        AnswerMetrics.ClassMetrics totals = CaseScoring.totals(live, List.of());

        assertThat(totals.answerRate()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(totals.citationHit()).isEqualTo(0.5);
        assertThat(totals.tokenF1()).isCloseTo((1.0 + AnswerMetrics.tokenF1("we ship worldwide",
                "we ship to the EU")) / 2, within(1e-9));

        // the same figures from the stored rows the run page reads back
        List<TaskResult> stored = live.stream().map(r -> CaseScoring.stored(new RunResult(1,
                UUID.fromString("00000000-0000-0000-0000-00000000000" + r.task().id()), CaseOrigin.UPLOAD,
                r.task().question(), r.task().referenceAnswer(),
                r.task().referenceContexts().isEmpty() ? null : r.task().referenceContexts().getFirst(),
                r.outcome(), r.answer(), List.of(), CaseScoring.citationHit(r), CaseScoring.tokenF1(r, List.of()),
                false, r.confidence(), null, null, r.millis(), null))).toList();
        assertThat(CaseScoring.totals(stored, List.of())).usingRecursiveComparison().isEqualTo(totals);
    }
}
