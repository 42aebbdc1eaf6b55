package com.frontline.chat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CitationNumbersTest {

    @Test
    void citationsAreNumberedOneToNInTheOrderTheTextCitesThem() {
        var r = CitationNumbers.renumber("Refunds take 5 days [3]. Shipping is free [1, 4]. Again [3].",
                List.of(3, 1, 4));

        assertThat(r.text()).isEqualTo("Refunds take 5 days [1]. Shipping is free [2, 3]. Again [1].");
        assertThat(r.sources()).containsExactly(3, 1, 4);
        assertThat(r.numberOf(3)).isEqualTo(1);
        assertThat(r.numberOf(4)).isEqualTo(3);
    }

    @Test
    void aMarkerOfAPassageNotCitedIsLeftAlone() {
        var r = CitationNumbers.renumber("See [2] and [9].", List.of(2));

        assertThat(r.text()).isEqualTo("See [1] and [9].");
        assertThat(r.sources()).containsExactly(2);
    }

    @Test
    void aTextWithoutMarkersIsUnchanged() {
        assertThat(CitationNumbers.renumber("Hello there.", List.of()).text()).isEqualTo("Hello there.");
    }
}
