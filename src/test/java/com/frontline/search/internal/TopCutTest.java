package com.frontline.search.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Passages are named by their document's letter and their place in the ranking: "A1" is the best passage. */
class TopCutTest {

    static UUID document(String passage) {
        return UUID.nameUUIDFromBytes(passage.substring(0, 1).getBytes());
    }

    static List<String> cut(List<String> ranked, int slots) {
        return TopCut.cut(ranked, TopCutTest::document, List.of(), slots);
    }

    @Test
    void aLongDocumentGetsAtMostTwoOfTheTopFive() {
        List<String> ranked = List.of("A1", "A2", "A3", "A4", "B5", "C6", "A7", "D8");

        assertThat(cut(ranked, 5)).containsExactly("A1", "A2", "B5", "C6", "D8");
    }

    @Test
    void theOrderIsKeptWhenNoDocumentHasMoreThanTwo() {
        List<String> ranked = List.of("A1", "B2", "A3", "C4", "B5", "D6");

        assertThat(cut(ranked, 5)).containsExactly("A1", "B2", "A3", "C4", "B5");
    }

    @Test
    void passagesPushedOutFollowTheTopFiveInTheirOwnOrder() {
        List<String> ranked = List.of("A1", "A2", "A3", "A4", "B5", "C6", "A7", "D8", "E9");

        // the top five takes A1, A2 and the three other documents; A3, A4 and A7 come next, in order
        assertThat(cut(ranked, 8)).containsExactly("A1", "A2", "B5", "C6", "D8", "A3", "A4", "A7");
    }

    @Test
    void pushedOutPassagesFillTheTopFiveWhenNothingElseIsLeft() {
        List<String> ranked = List.of("A1", "A2", "A3", "B4", "A5");

        assertThat(cut(ranked, 5)).containsExactly("A1", "A2", "B4", "A3", "A5");
        assertThat(cut(ranked, 3)).containsExactly("A1", "A2", "B4");
    }

    @Test
    void passagesPlacedAheadCountTowardsTheirDocument() {
        // a passage source already placed one passage of A: only one more of A fits in the top five
        List<String> cut = TopCut.cut(List.of("A1", "A2", "B3", "C4", "D5"), TopCutTest::document,
                List.of(document("A0")), 4);

        assertThat(cut).containsExactly("A1", "B3", "C4", "D5");
    }

    @Test
    void noSlotsNoPassages() {
        assertThat(cut(List.of("A1", "B2"), 0)).isEmpty();
        assertThat(cut(List.of(), 5)).isEmpty();
    }
}
