package com.frontline.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private static final String EMAIL = "jane.doe@example.com";

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "kT9#vq2!Lm", "blue-kettle-orbit", "ünïcödé-wörds",
            "pass word phrase that is long"})
    void acceptsLongUncommonPasswords(String password) {
        assertThat(PasswordPolicy.check(password, EMAIL)).isEmpty();
    }

    @Test
    void doesNotRequireDigitsSymbolsOrMixedCase() {
        assertThat(PasswordPolicy.check("lowercaseonlyphrase", EMAIL)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void asksForAPasswordWhenMissing(String password) {
        assertThat(PasswordPolicy.check(password, EMAIL)).contains("Enter a password of at least 10 characters.");
    }

    @Test
    void rejectsNineCharactersAndAcceptsTen() {
        assertThat(PasswordPolicy.check("kT9#vq2!L", EMAIL)).hasValueSatisfying(
                m -> assertThat(m).startsWith("Use at least 10 characters for your password"));
        assertThat(PasswordPolicy.check("kT9#vq2!Lm", EMAIL)).isEmpty();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String nineEmoji = "😀😃😄😁😆😅😂🤣😊";
        assertThat(nineEmoji.length()).isEqualTo(18);
        assertThat(PasswordPolicy.check(nineEmoji, EMAIL)).isPresent();
        assertThat(PasswordPolicy.check(nineEmoji + "😇", EMAIL)).isEmpty();
    }

    @Test
    void acceptsOneHundredTwentyEightCharactersAndRejectsMore() {
        String base = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(4);
        assertThat(PasswordPolicy.check(base.substring(0, 128), EMAIL)).isEmpty();
        assertThat(PasswordPolicy.check(base.substring(0, 129), EMAIL))
                .contains("Use at most 128 characters for your password.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password123", "Password123", "PASSWORD123", "qwertyuiop", "QwertyUiop", "1234567890",
            "letmein123", "iloveyou123", "1q2w3e4r5t", "passwordpassword", "frontline123", "administrator"})
    void rejectsVeryCommonPasswordsIgnoringCase(String password) {
        assertThat(PasswordPolicy.check(password, EMAIL))
                .contains("This password is too common and easy to guess; choose a less predictable one.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaa", "1111111111111", "ZZZZZZZZZZZZZZZZ", "          ", "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂"})
    void rejectsASingleRepeatedCharacter(String password) {
        assertThat(PasswordPolicy.check(password, EMAIL))
                .contains("Don't repeat a single character; choose a less predictable password.");
    }

    @Test
    void acceptsTwoAlternatingCharactersAsFarAsThisRuleGoes() {
        assertThat(PasswordPolicy.check("abababababab", EMAIL)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe2024!", "My-JANE.DOE-pass", "xxjane.doexx-yy", "janedoe-rocks!"})
    void rejectsPasswordsContainingTheEmailLocalPart(String password) {
        assertThat(PasswordPolicy.check(password, EMAIL))
                .contains("Don't include your email address in your password; choose something unrelated.");
    }

    @Test
    void looksThroughSubaddressTags() {
        assertThat(PasswordPolicy.check("jane.doe is great", "jane.doe+portal@example.com")).isPresent();
        assertThat(PasswordPolicy.check("jane.doe+portal!", "jane.doe+portal@example.com")).isPresent();
    }

    @Test
    void ignoresLocalPartsShorterThanFourCharacters() {
        assertThat(PasswordPolicy.check("bob-likes-cheese", "bob@example.com")).isEmpty();
        assertThat(PasswordPolicy.check("bobby-likes-cheese", "bobby@example.com")).isPresent();
    }

    @Test
    void doesNotTreatTheDomainAsPartOfTheLocalPart() {
        assertThat(PasswordPolicy.check("example.com rocks", EMAIL)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "@example.com"})
    void skipsTheEmailRuleWithoutAUsableAddress(String email) {
        assertThat(PasswordPolicy.check("correct horse battery staple", email)).isEmpty();
    }

    @Test
    void reportsLengthBeforeOtherProblems() {
        assertThat(PasswordPolicy.check("jane", EMAIL)).hasValueSatisfying(m -> assertThat(m).contains("at least"));
    }
}
