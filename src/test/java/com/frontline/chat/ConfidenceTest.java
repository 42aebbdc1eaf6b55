package com.frontline.chat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConfidenceTest {

    static final List<String> SOURCES = List.of("You can return any item within 30 days of delivery for a full refund.");

    @Test
    void anAnswerWithoutTextOrSourcesScoresZero() {
        assertThat(Confidence.score(0.9, "", SOURCES)).isZero();
        assertThat(Confidence.score(0.9, "Returns take 30 days.", List.of())).isZero();
    }

    @Test
    void aQuotedAnswerIsFullyGrounded() {
        assertThat(Confidence.grounding("You can return any item within 30 days [1].", SOURCES)).isEqualTo(1.0);
        assertThat(Confidence.score(0.8, "You can return any item within 30 days [1].", SOURCES))
                .isCloseTo(0.7 * 0.8 + 0.3, within(1e-9));
    }

    @Test
    void inventedWordsLowerTheGrounding() {
        double grounding = Confidence.grounding("Refunds arrive by carrier pigeon on Tuesdays.", SOURCES);
        assertThat(grounding).isLessThan(0.4);
        assertThat(Confidence.score(0.8, "Refunds arrive by carrier pigeon on Tuesdays.", SOURCES))
                .isLessThan(Confidence.score(0.8, "You can return any item within 30 days.", SOURCES));
    }

    @Test
    void retrievalStrengthIsClamped() {
        assertThat(Confidence.score(7, "30 days", SOURCES)).isLessThanOrEqualTo(1.0);
        assertThat(Confidence.score(-3, "30 days", SOURCES)).isGreaterThanOrEqualTo(0.0);
    }
}
