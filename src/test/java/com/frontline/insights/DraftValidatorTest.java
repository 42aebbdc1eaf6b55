package com.frontline.insights;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DraftValidatorTest {

    private static final List<DraftWriter.Source> SOURCES = List.of(
            new DraftWriter.Source("agent reply", "Hi Sam! You can change the delivery address until the parcel "
                    + "ships. Open the order in your account and choose Edit address. Have a nice day."),
            new DraftWriter.Source("approved correction", "Addresses can be changed until the order ships. After "
                    + "that, contact the carrier with your tracking number."));
    private static final List<String> QUESTIONS = List.of("How do I change my delivery address?",
            "can i change the address of my order", "change shipping address after ordering");

    private static ArticleDraft.Check check(DraftValidator.Result r, String name) {
        return r.report().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aDraftCopiedFromItsSourcesIsValidated() {
        DraftWriter.Written w = DraftWriter.write("how do I change my delivery address?", QUESTIONS, SOURCES);
        assertThat(w.title()).isEqualTo("How do I change my delivery address?");
        assertThat(w.body()).contains("You can change the delivery address until the parcel ships.")
                .contains("Addresses can be changed until the order ships.");
        DraftValidator.Result r = DraftValidator.validate(w.title(), w.body(), DraftWriter.sentencesOf(SOURCES),
                false, new DraftValidator.Nearest("Shipping times", 0.41));
        assertThat(r.status()).isEqualTo(ArticleDraft.Status.VALIDATED);
        assertThat(r.report()).allMatch(ArticleDraft.Check::passed).hasSize(5);
    }

    @Test
    void aSentenceFromNowhereIsNotGrounded() {
        String body = "You can change the delivery address until the parcel ships. We also refund twice the price.";
        DraftValidator.Result r = DraftValidator.validate("Address", body, DraftWriter.sentencesOf(SOURCES), false,
                null);
        assertThat(r.status()).isEqualTo(ArticleDraft.Status.REJECTED);
        assertThat(check(r, "Grounded").passed()).isFalse();
        assertThat(check(r, "Grounded").detail()).contains("We also refund twice the price.");
    }

    @Test
    void personalDataIsRejected() {
        List<DraftWriter.Source> withEmail = List.of(new DraftWriter.Source("agent reply",
                "To change the delivery address, write to jane.doe@example.com with your order number."));
        DraftWriter.Written w = DraftWriter.write("change address", QUESTIONS, withEmail);
        DraftValidator.Result r = DraftValidator.validate(w.title(), w.body(), DraftWriter.sentencesOf(withEmail),
                false, null);
        assertThat(r.status()).isEqualTo(ArticleDraft.Status.REJECTED);
        assertThat(check(r, "No personal data").passed()).isFalse();
        assertThat(check(r, "No personal data").detail()).contains("[email]").doesNotContain("jane.doe");
        assertThat(check(r, "Grounded").passed()).isTrue();
    }

    @Test
    void anEmptyDraftIsRejected() {
        DraftWriter.Written w = DraftWriter.write("change address", QUESTIONS, List.of());
        assertThat(w.body()).isEmpty();
        DraftValidator.Result r = DraftValidator.validate(w.title(), w.body(), Set.of(), false, null);
        assertThat(r.status()).isEqualTo(ArticleDraft.Status.REJECTED);
        assertThat(check(r, "Not empty").passed()).isFalse();
        assertThat(check(r, "Grounded").passed()).isFalse();
    }

    @Test
    void aDuplicateOfExistingKnowledgeIsRejected() {
        DraftWriter.Written w = DraftWriter.write("change address", QUESTIONS, SOURCES);
        DraftValidator.Result r = DraftValidator.validate(w.title(), w.body(), DraftWriter.sentencesOf(SOURCES),
                false, new DraftValidator.Nearest("Changing your address", 0.95));
        assertThat(r.status()).isEqualTo(ArticleDraft.Status.REJECTED);
        assertThat(check(r, "Not a duplicate").detail()).contains("Changing your address");
    }

    @Test
    void spamAndAbuseClustersAreRejectedWithAReason() {
        List<String> spam = List.of("buy now cheap followers at www.spam.example", "casino bonus click here",
                "free money crypto telegram", "what are your opening hours?");
        assertThat(SpamRules.mostly(spam)).isTrue();
        assertThat(SpamRules.mostly(QUESTIONS)).isFalse();
        assertThat(SpamRules.reason("you are an idiot")).isEqualTo("abuse");
        DraftValidator.Result r = DraftValidator.validate("Buy now", "Some sentence long enough to pass the length "
                + "check easily.", Set.of(DraftWriter.normalise("Some sentence long enough to pass the length check "
                + "easily.")), true, null);
        assertThat(r.status()).isEqualTo(ArticleDraft.Status.REJECTED);
        assertThat(check(r, "Not spam or abuse").detail()).contains("spam or abuse");
    }
}
