package com.frontline.llm.internal;

import com.frontline.llm.Source;
import com.frontline.llm.Speaker;
import com.frontline.llm.Turn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComplexityScorerTest {

    final ComplexityScorer scorer = new ComplexityScorer();

    int score(String question) {
        return scorer.score(List.of(), question, List.of()).score();
    }

    @Test
    void aShortFactualQuestionIsSimple() {
        Complexity c = scorer.score(List.of(), "What are your opening hours?", List.of());

        assertThat(c.score()).isLessThanOrEqualTo(LlmSettings.DEFAULTS.simpleMaxScore());
        assertThat(c.signals()).contains("factual question");
    }

    @Test
    void aReasoningQuestionAboutAFailingIntegrationIsComplex() {
        Complexity c = scorer.score(List.of(), "Why does the webhook integration fail with error 500 after we "
                + "migrated our account to the new API version, and what should we change?", List.of());

        assertThat(c.score()).isGreaterThanOrEqualTo(LlmSettings.DEFAULTS.complexMinScore());
        assertThat(c.signals()).contains("reasoning question").anyMatch(s -> s.startsWith("keywords"));
    }

    @Test
    void eachSignalRaisesTheScore() {
        int base = score("What does the basic plan cost?");
        assertThat(score("Why does the basic plan cost more?")).isGreaterThan(base);
        assertThat(score("What does the basic plan cost? Is there an error in my invoice?")).isGreaterThan(base);
        assertThat(score("What does the basic plan cost for a team of twelve people working across three offices "
                + "in different countries?")).isGreaterThan(base);
    }

    @Test
    void aLongConversationRaisesTheScore() {
        List<Turn> history = List.of(new Turn(Speaker.CUSTOMER, "Hi"), new Turn(Speaker.ASSISTANT, "Hello!"),
                new Turn(Speaker.CUSTOMER, "I have a question"), new Turn(Speaker.ASSISTANT, "Sure"),
                new Turn(Speaker.CUSTOMER, "About plans"), new Turn(Speaker.ASSISTANT, "Go ahead"));

        assertThat(scorer.score(history, "What does the basic plan cost?", List.of()).score())
                .isGreaterThan(score("What does the basic plan cost?"));
    }

    @Test
    void keywordsMatchWholeWords() {
        assertThat(score("How rapid is delivery?")).isEqualTo(score("How quick is delivery?"));
    }

    @Test
    void theScoreStaysWithin0And100() {
        String everything = "Why does the API integration fail with an error? Is it a bug? Is the webhook broken? "
                + "{\"error\": 500} ".repeat(20);
        List<Turn> history = java.util.Collections.nCopies(12, new Turn(Speaker.CUSTOMER, "more"));
        assertThat(scorer.score(history, everything, List.of()).score()).isEqualTo(100);
        assertThat(score("")).isZero();
    }

    @Test
    void contextCountsHistorySourcesAndQuestion() {
        Complexity c = scorer.score(List.of(new Turn(Speaker.CUSTOMER, "12345")), "123",
                List.of(new Source(1, "ab", "cdef", 0.5)));

        assertThat(c.contextChars()).isEqualTo(5 + 3 + 2 + 4);
    }

    @Test
    void theRouterFollowsTheRules() {
        LlmSettings rules = new LlmSettings(true, 30, 65, 1000, null);

        assertThat(Router.decide(rules, new Complexity(10, List.of(), 100)).route()).isEqualTo(Route.SIMPLE);
        assertThat(Router.decide(rules, new Complexity(50, List.of(), 100)).route()).isEqualTo(Route.DEFAULT);
        assertThat(Router.decide(rules, new Complexity(80, List.of(), 100)).route()).isEqualTo(Route.COMPLEX);
        assertThat(Router.decide(rules, new Complexity(10, List.of(), 5000)).route()).isEqualTo(Route.LONG_CONTEXT);
        assertThat(Router.decide(new LlmSettings(false, 30, 65, 1000, null), new Complexity(90, List.of(), 5000))
                .route()).isEqualTo(Route.DEFAULT);
        assertThat(Router.decide(rules, new Complexity(80, List.of("reasoning question"), 100)).reason())
                .contains("80 ≥ 65").contains("reasoning question");
    }
}
