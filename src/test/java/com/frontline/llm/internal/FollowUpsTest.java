package com.frontline.llm.internal;

import com.frontline.llm.Speaker;
import com.frontline.llm.Turn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpsTest {

    static final List<Turn> HISTORY = List.of(
            new Turn(Speaker.CUSTOMER, "How much does a day ski pass cost?"),
            new Turn(Speaker.ASSISTANT, "A day pass costs 59 EUR [1]."));

    @Test
    void aShortFollowUpCarriesOverThePreviousQuestionsKeyTerms() {
        String q = FollowUps.heuristic(HISTORY, "and for kids?");

        assertThat(q).startsWith("and for kids?").contains("ski").contains("pass").contains("cost");
    }

    @Test
    void aPronounFollowUpToo() {
        assertThat(FollowUps.heuristic(HISTORY, "Can I buy it online?")).contains("ski pass");
    }

    @Test
    void aStandaloneQuestionIsLeftAlone() {
        String q = "Do you rent snowboards and helmets at the valley station?";
        assertThat(FollowUps.heuristic(HISTORY, q)).isEqualTo(q);
    }

    @Test
    void withoutHistoryNothingIsAFollowUp() {
        assertThat(FollowUps.heuristic(List.of(), "and for kids?")).isEqualTo("and for kids?");
    }

    @Test
    void termsAlreadyAskedAreNotRepeated() {
        assertThat(FollowUps.heuristic(HISTORY, "and a week pass?")).doesNotContain("(day ski pass");
    }

    @Test
    void theQuestionBeforeAShortFollowUpIsCarriedToo() {
        List<Turn> football = List.of(
                new Turn(Speaker.CUSTOMER, "Where is American football popular?"),
                new Turn(Speaker.ASSISTANT, "American football is most popular in the United States."),
                new Turn(Speaker.CUSTOMER, "and rugby?"),
                new Turn(Speaker.ASSISTANT, "Rugby is popular in New Zealand."));

        assertThat(FollowUps.heuristic(football, "How many teams?")).contains("rugby").contains("football");
    }

    @Test
    void aCorrectionOfThePreviousQuestionIsAFollowUp() {
        assertThat(FollowUps.looksLikeFollowUp(HISTORY, "no, I meant the season pass for families with children"))
                .isTrue();
    }
}
