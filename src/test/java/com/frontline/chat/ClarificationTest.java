package com.frontline.chat;

import com.frontline.search.Passage;
import com.frontline.search.Visibility;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ClarificationTest {

    static Passage passage(String title, List<String> headings, double relevance) {
        UUID document = UUID.nameUUIDFromBytes(title.getBytes());
        return new Passage(UUID.randomUUID(), document, 1, "DOCUMENT", Visibility.PUBLIC, title, headings,
                "Some text about " + title + ".", null, relevance, relevance, 1, 1);
    }

    @Test
    void aVagueQuestionOverPassagesAboutDifferentThingsIsAskedBack() {
        List<Passage> found = List.of(passage("Card payments", List.of("Card payments", "Fees"), 0.52),
                passage("Bank transfers", List.of("Bank transfers", "Fees"), 0.50),
                passage("Card payments", List.of("Card payments", "Fees"), 0.49));

        assertThat(Clarification.question("What are the fees?", found, "en")).isEmpty(); // both are "Fees"
    }

    @Test
    void itNamesEachTopicOnce() {
        List<Passage> found = List.of(passage("Pricing", List.of("Card fees"), 0.52),
                passage("Pricing", List.of("Transfer fees"), 0.49),
                passage("Pricing", List.of("Card fees"), 0.48),
                passage("Shipping", List.of(), 0.2));

        assertThat(Clarification.question("What are the fees?", found, "en"))
                .contains("Do you mean Card fees or Transfer fees?");
        assertThat(Clarification.question("Welche Gebühren?", found, "de"))
                .contains("Meinen Sie Card fees oder Transfer fees?");
    }

    @Test
    void aQuestionThatNamesItsSubjectIsNotAskedBack() {
        List<Passage> found = List.of(passage("Pricing", List.of("Card fees"), 0.52),
                passage("Pricing", List.of("Transfer fees"), 0.49));

        assertThat(Clarification.question("What fee do I pay for an international card payment in euros?", found,
                "en")).isEmpty();
    }

    @Test
    void onePassageFarAboveTheOthersIsNoAmbiguity() {
        List<Passage> found = List.of(passage("Pricing", List.of("Card fees"), 0.70),
                passage("Pricing", List.of("Transfer fees"), 0.45));

        assertThat(Clarification.question("What are the fees?", found, "en")).isEmpty();
    }

    @Test
    void passagesThatBarelyMatchAreNoTopics() {
        List<Passage> found = List.of(passage("Pricing", List.of("Card fees"), 0.30),
                passage("Pricing", List.of("Transfer fees"), 0.29));

        assertThat(Clarification.question("What are the fees?", found, "en")).isEmpty();
    }
}
