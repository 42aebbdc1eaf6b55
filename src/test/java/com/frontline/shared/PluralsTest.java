package com.frontline.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PluralsTest {

    @Test
    void oneTakesTheSingularEveryOtherCountThePlural() {
        assertThat(Plurals.of(1, "document")).isEqualTo("1 document");
        assertThat(Plurals.of(0, "document")).isEqualTo("0 documents");
        assertThat(Plurals.of(3, "allowed website")).isEqualTo("3 allowed websites");
        assertThat(Plurals.of(2, "pending invitation")).isEqualTo("2 pending invitations");
    }

    @Test
    void regularEnglishEndings() {
        assertThat(Plurals.of(2, "entry")).isEqualTo("2 entries");
        assertThat(Plurals.of(2, "day")).isEqualTo("2 days");
        assertThat(Plurals.of(2, "match")).isEqualTo("2 matches");
        assertThat(Plurals.of(2, "box")).isEqualTo("2 boxes");
        assertThat(Plurals.of(2, "passage")).isEqualTo("2 passages");
    }

    @Test
    void irregularPluralsAndLargeCounts() {
        assertThat(Plurals.of(1, "person", "people")).isEqualTo("1 person");
        assertThat(Plurals.of(4, "person", "people")).isEqualTo("4 people");
        assertThat(Plurals.of(1_204, "passage")).isEqualTo("1,204 passages");
    }
}
