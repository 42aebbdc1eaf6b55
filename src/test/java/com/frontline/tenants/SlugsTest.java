package com.frontline.tenants;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @ParameterizedTest
    @ValueSource(strings = {"acme", "acme-support", "a1b", "123", "ca-va-cafe-co",
            "abcdefghij-abcdefghij-abcdefghij-abcdefg"})
    void acceptsValidSlugs(String slug) {
        assertThat(Slugs.validate(slug)).isEmpty();
    }

    @Test
    void acceptsExactlyFortyCharacters() {
        assertThat(Slugs.validate("a".repeat(40))).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void asksForAnAddressWhenBlank(String slug) {
        assertThat(Slugs.validate(slug)).hasValueSatisfying(m -> assertThat(m).startsWith("Enter a workspace address"));
    }

    @Test
    void rejectsFewerThanThreeCharacters() {
        assertThat(Slugs.validate("ab")).contains("Make the workspace address at least 3 characters long.");
    }

    @Test
    void rejectsMoreThanFortyCharacters() {
        assertThat(Slugs.validate("a".repeat(41))).contains("Shorten the workspace address to at most 40 characters.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme", "acme_support", "acme support", "café", "acme.io", "١٢٣٤", "ａｃｍｅ", "acme\n"})
    void rejectsCharactersOtherThanLowercaseDigitsAndHyphens(String slug) {
        assertThat(Slugs.validate(slug))
                .contains("Use only lowercase letters a-z, digits and hyphens in the workspace address.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-acme", "acme-", "-acme-"})
    void rejectsLeadingOrTrailingHyphen(String slug) {
        assertThat(Slugs.validate(slug))
                .contains("Start and end the workspace address with a letter or digit, not a hyphen.");
    }

    @Test
    void rejectsDoubleHyphen() {
        assertThat(Slugs.validate("acme--support")).hasValueSatisfying(m -> assertThat(m).contains("two in a row"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "api", "app", "www", "login", "logout", "signup", "static", "assets", "widget",
            "onboarding", "invites", "settings", "actuator", "error", "help", "support", "status"})
    void rejectsReservedWords(String slug) {
        assertThat(Slugs.validate(slug))
                .contains("The address '" + slug + "' is reserved; choose a different workspace address.");
    }

    @Test
    void rejectsTheOneLetterReservedWordForItsLength() {
        assertThat(Slugs.RESERVED).contains("w");
        assertThat(Slugs.validate("w")).hasValueSatisfying(m -> assertThat(m).contains("at least 3"));
    }

    @Test
    void acceptsReservedWordsAsPartOfALongerSlug() {
        assertThat(Slugs.validate("admin-team")).isEmpty();
        assertThat(Slugs.validate("help-desk")).isEmpty();
    }

    @Test
    void suggestsTransliteratedSlugFromCompanyName() {
        assertThat(Slugs.suggest("Ça Va Café & Co.")).isEqualTo("ca-va-cafe-co");
    }

    @Test
    void suggestsSlugsForAccentedAndSpecialLatinLetters() {
        assertThat(Slugs.suggest("Müller GmbH")).isEqualTo("muller-gmbh");
        assertThat(Slugs.suggest("Straße AG")).isEqualTo("strasse-ag");
        assertThat(Slugs.suggest("Øresund Æble")).isEqualTo("oresund-aeble");
        assertThat(Slugs.suggest("Łódź Software")).isEqualTo("lodz-software");
        assertThat(Slugs.suggest("İstanbul Kebap")).isEqualTo("istanbul-kebap");
    }

    @Test
    void suggestsSlugsForCompatibilityCharacters() {
        assertThat(Slugs.suggest("ﬁnance ＡＣＭＥ")).isEqualTo("finance-acme");
    }

    @Test
    void collapsesPunctuationAndTrimsHyphens() {
        assertThat(Slugs.suggest("  --ACME!!  Support -- Team__  ")).isEqualTo("acme-support-team");
    }

    @Test
    void padsShortSuggestions() {
        assertThat(Slugs.suggest("HP")).isEqualTo("hp-workspace");
        assertThat(Slugs.suggest("X")).isEqualTo("x-workspace");
    }

    @Test
    void padsReservedSuggestions() {
        assertThat(Slugs.suggest("Admin")).isEqualTo("admin-workspace");
        assertThat(Slugs.suggest("Support!")).isEqualTo("support-workspace");
    }

    @Test
    void fallsBackToWorkspaceWhenNothingTransliterates() {
        assertThat(Slugs.suggest("株式会社")).isEqualTo("workspace");
        assertThat(Slugs.suggest("")).isEqualTo("workspace");
        assertThat(Slugs.suggest(null)).isEqualTo("workspace");
        assertThat(Slugs.suggest("&&& ...")).isEqualTo("workspace");
    }

    @Test
    void cutsLongNamesAtAWordBoundary() {
        String slug = Slugs.suggest("The International Association of Customer Service Professionals");
        assertThat(slug).isEqualTo("the-international-association-of");
        assertThat(Slugs.validate(slug)).isEmpty();
    }

    @Test
    void cutsLongSingleWordsAtTheLimit() {
        assertThat(Slugs.suggest("a".repeat(100))).isEqualTo("a".repeat(40));
    }

    @Test
    void suggestionsAlwaysValidate() {
        Random random = new Random(42);
        String alphabet = "abcXYZ019 -_.&éÉßøŁ株🙂\u0301\t";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(60);
            for (int j = 0; j < length; j++) {
                name.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String slug = Slugs.suggest(name.toString());
            assertThat(Slugs.validate(slug)).as("suggestion %s for %s", slug, name).isEmpty();
        }
    }
}
