package com.frontline.chat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConfidenceTest {

    static final List<String> SOURCES = List.of("You can return any item within 30 days of delivery.",
            "Refunds are paid back to the card you used.");

    static AnswerSignals signals(double relevance, String question, String answer) {
        return AnswerSignals.of(question, question, List.of(new AnswerSignals.Ranked(relevance, 1, 1),
                new AnswerSignals.Ranked(relevance - 0.1, 2, 2)), answer, SOURCES);
    }

    @Test
    void aCloseMatchingPassageQuotedOnTheQuestionsWordsIsConfident() {
        AnswerSignals s = signals(0.75, "Can I return an item after 30 days?",
                "You can return any item within 30 days of delivery. [1]");

        assertThat(s.coverage()).isEqualTo(1.0);
        assertThat(s.agreement()).isEqualTo(1.0);
        assertThat(Confidence.score(s, true)).isGreaterThan(0.8);
    }

    @Test
    void aWeakPassageIsNotConfidentEvenWhenQuotedExactly() {
        assertThat(Confidence.score(signals(0.3, "Can I return an item?",
                "You can return any item within 30 days of delivery. [1]"), true)).isLessThan(0.5);
    }

    @Test
    void aQuoteMissingTheCustomersKeyWordsScoresLower() {
        double covered = Confidence.score(signals(0.55, "If I live in Spain?", "Residents of Spain live abroad."), true);
        double missed = Confidence.score(signals(0.55, "If I live in Spain?", "Spanish is spoken by many."), true);

        assertThat(missed).isLessThan(covered);
    }

    @Test
    void aModelsWordsThatNoPassageSaysLowerItsConfidence() {
        AnswerSignals grounded = signals(0.7, "Can I return an item?", "You can return any item within 30 days.");
        AnswerSignals invented = signals(0.7, "Can I return an item?", "Return items by carrier pigeon on Tuesdays.");

        assertThat(invented.grounding()).isLessThan(0.5);
        assertThat(Confidence.score(invented, false)).isLessThan(Confidence.score(grounded, false));
        assertThat(Confidence.score(grounded, false)).isEqualTo(Confidence.score(grounded, true));
    }

    @Test
    void whenBothSearchesRankTheBestPassageHighTheyAgree() {
        AnswerSignals apart = AnswerSignals.of("return item", "return item",
                List.of(new AnswerSignals.Ranked(0.6, 1, 9)), "Return any item.", SOURCES);
        AnswerSignals together = AnswerSignals.of("return item", "return item",
                List.of(new AnswerSignals.Ranked(0.6, 2, 1)), "Return any item.", SOURCES);

        assertThat(apart.agreement()).isZero();
        assertThat(Confidence.score(together, true)).isGreaterThan(Confidence.score(apart, true));
    }

    @Test
    void staysBetweenZeroAndOne() {
        assertThat(Confidence.score(signals(7, "x y", "x y"), true)).isLessThanOrEqualTo(1.0);
        assertThat(Confidence.score(signals(-3, "x y", "z"), true)).isGreaterThanOrEqualTo(0.0);
    }
}
