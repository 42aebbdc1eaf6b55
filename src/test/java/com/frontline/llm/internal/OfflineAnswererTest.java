package com.frontline.llm.internal;

import com.frontline.llm.Answer;
import com.frontline.llm.Source;
import com.frontline.tenants.Persona;
import com.frontline.tenants.Tone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineAnswererTest {

    static final List<Source> SOURCES = List.of(
            new Source(1, "Refund policy", """
                    # Refunds
                    You can ask for a refund within 30 days of your purchase. Refunds are paid back to the card \
                    you used, usually within 5 business days. [[Request a refund|action:refund]] Gift cards cannot \
                    be refunded.""", 0.92),
            new Source(2, "Shipping", """
                    Orders ship within two working days. Express shipping costs 9.90 EUR and arrives the next day.
                    We ship to all EU countries.""", 0.41),
            new Source(3, "Opening hours", "Our support team is available Monday to Friday from 9:00 to 17:00.",
                    0.2));

    final OfflineAnswerer answerer = new OfflineAnswerer();

    static Persona persona(Tone tone) {
        return new Persona("Acme Assistant", tone, null, "Hi!", "Sorry, I don't know.", "en");
    }

    @Test
    void quotesTheMatchingSentencesWithCitations() {
        Answer a = answerer.answer(persona(Tone.FRIENDLY), "How long does a refund take?", SOURCES, "offline", false);

        assertThat(a.extractive()).isTrue();
        assertThat(a.provider()).isEqualTo("offline");
        assertThat(a.text()).contains("Refunds are paid back to the card you used, usually within 5 business days.");
        assertThat(a.citedSources()).containsExactly(1);
        assertThat(a.text()).contains("[1]").doesNotContain("[2]").doesNotContain("[3]");
    }

    /** The quoted sentences of an answer: without the tone's words, bullets and citation markers. */
    static List<String> quoted(Answer a, Tone tone) {
        OfflineAnswerer.Phrases phrases = OfflineAnswerer.Phrases.of(tone, "en");
        String body = a.text().replace(phrases.opening(), "");
        if (!phrases.closing().isEmpty()) {
            body = body.replace(phrases.closing(), "");
        }
        return java.util.Arrays.stream(body.replaceAll("(?m)^- ", "").split("\\s*\\[\\d+]\\s*|\\n|(?<=[.!?])\\s+"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @ParameterizedTest
    @EnumSource(Tone.class)
    void neverInventsText_everyQuotedSentenceIsInASource(Tone tone) {
        String all = String.join(" ", SOURCES.stream().map(Source::text).toList()).replaceAll("\\s+", " ");
        for (String question : List.of("How much does express shipping cost and where do you ship?",
                "refund within 30 days paid back card business days", "When is the support team available?")) {
            Answer a = answerer.answer(persona(tone), question, SOURCES, "offline", false);

            assertThat(quoted(a, tone)).as(question).isNotEmpty()
                    .allSatisfy(sentence -> assertThat(all).contains(sentence));
        }
    }

    @Test
    void aNearlyIdenticalSentenceFromATwinDocumentIsQuotedOnce() {
        List<Source> twins = List.of(
                new Source(1, "Refund policy", "Refunds are paid back to the card you used within 5 business days.",
                        0.9),
                new Source(2, "Refund policy (old copy)",
                        "Refunds are paid back to the card you used within five business days.", 0.88));

        Answer a = answerer.answer(persona(Tone.CONCISE), "How are refunds paid back?", twins, "offline", false);

        assertThat(a.citedSources()).containsExactly(1);
        assertThat(a.text()).doesNotContain("five business days");
    }

    @Test
    void nearDuplicatesShareMostOfTheirWords() {
        assertThat(OfflineAnswerer.nearDuplicate(java.util.Set.of("a", "b", "c", "d", "e"),
                java.util.Set.of("a", "b", "c", "d", "e", "f"))).isTrue();
        assertThat(OfflineAnswerer.nearDuplicate(java.util.Set.of("a", "b", "c", "d"),
                java.util.Set.of("a", "b", "c", "x"))).isFalse();
        assertThat(OfflineAnswerer.nearDuplicate(java.util.Set.of(), java.util.Set.of())).isFalse();
    }

    @Test
    void shippingQuestionCitesTheShippingSource() {
        Answer a = answerer.answer(persona(Tone.CONCISE), "How much does express shipping cost and where do you ship?",
                SOURCES, "offline", false);

        assertThat(a.citedSources()).containsExactly(2);
        assertThat(a.text()).contains("Express shipping costs 9.90 EUR and arrives the next day.");
    }

    @Test
    void keepsAFewSentencesEachPassagesTogetherInItsOrder() {
        List<OfflineAnswerer.Candidate> chosen = answerer.choose(
                "refund refunds card days gift cards purchase shipping", SOURCES);

        assertThat(chosen).hasSizeBetween(1, OfflineAnswerer.MAX_SENTENCES);
        for (int i = 1; i < chosen.size(); i++) {
            OfflineAnswerer.Candidate c = chosen.get(i);
            if (c.source() == chosen.get(i - 1).source()) {
                assertThat(c.position()).isGreaterThan(chosen.get(i - 1).position());
            } else {
                assertThat(chosen.subList(0, i)).noneMatch(earlier -> earlier.source() == c.source());
            }
        }
    }

    @Test
    void stripsChatbotLinksAndMarkup() {
        List<Source> sources = List.of(new Source(1, "Password", """
                To reset your **password**, open [the login page](https://example.com/login) and click \
                [[Forgot password|action:reset]] "Forgot password". <b>The reset link</b> is valid for 24 hours [4].""",
                0.8));

        Answer a = answerer.answer(persona(Tone.CONCISE), "How do I reset my password?", sources, "offline", false);

        assertThat(a.text()).doesNotContain("[[").doesNotContain("]]").doesNotContain("**").doesNotContain("<b>")
                .doesNotContain("https://").doesNotContain("[4]");
        assertThat(a.text()).contains("To reset your password, open the login page and click \"Forgot password\".");
    }

    @Test
    void answersNothingWhenNoSentenceMatches() {
        Answer a = answerer.answer(persona(Tone.FRIENDLY), "Do you sell bicycles?", SOURCES, "offline", false);

        assertThat(a.text()).isEmpty();
        assertThat(a.citedSources()).isEmpty();
        assertThat(a.extractive()).isTrue();
    }

    @Test
    void aGreetingMatchesNothing() {
        assertThat(answerer.answer(persona(Tone.FRIENDLY), "Hi there, thanks!", SOURCES, "offline", false).text())
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Tone.class)
    void eachToneFramesTheQuotesInItsOwnWords(Tone tone) {
        Answer a = answerer.answer(persona(tone), "When is support available?", SOURCES, "offline", false);

        OfflineAnswerer.Phrases phrases = OfflineAnswerer.Phrases.of(tone, "en");
        assertThat(a.text()).startsWith(phrases.opening())
                .contains("Our support team is available Monday to Friday from 9:00 to 17:00. [3]");
        if (!phrases.closing().isEmpty()) {
            assertThat(a.text()).endsWith(phrases.closing());
        }
        assertThat(a.citedSources()).containsExactly(3);
    }

    @Test
    void tonesDiffer() {
        String friendly = answerer.answer(persona(Tone.FRIENDLY), "support hours", SOURCES, "offline", false).text();
        String formal = answerer.answer(persona(Tone.FORMAL), "support hours", SOURCES, "offline", false).text();
        String concise = answerer.answer(persona(Tone.CONCISE), "support hours", SOURCES, "offline", false).text();

        assertThat(friendly).isNotEqualTo(formal).isNotEqualTo(concise);
        assertThat(concise.length()).isLessThan(friendly.length()).isLessThan(formal.length());
    }

    @Test
    void speaksThePersonasLanguageAroundTheQuotes() {
        Persona german = new Persona("Acme", Tone.FORMAL, null, "Hallo", "Leider weiß ich das nicht.", "de");
        Answer a = answerer.answer(german, "When is support available?", SOURCES, "offline", false);

        assertThat(a.text()).startsWith("Unsere Dokumentation sagt dazu Folgendes:");
    }

    @Test
    void concisePutsSeveralSentencesAsBulletsAndCitesTheirPassageOnce() {
        Answer a = answerer.answer(persona(Tone.CONCISE), "refund within 30 days paid back card business days",
                SOURCES, "offline", false);

        List<String> bullets = a.text().lines().filter(l -> l.startsWith("- ")).toList();
        assertThat(bullets).hasSizeGreaterThanOrEqualTo(2);
        assertThat(bullets.getLast()).endsWith("[1]");
        assertThat(a.text().split("\\[1]", -1)).hasSize(2);
    }

    @Test
    void aPassageQuotedTwiceIsCitedOnceAfterItsLastSentence() {
        Answer a = answerer.answer(persona(Tone.FRIENDLY), "refund within 30 days paid back card business days",
                SOURCES, "offline", false);

        assertThat(a.text().split("\\[1]", -1)).hasSize(2);
        assertThat(a.text()).contains("purchase. Refunds are paid");
    }

    @Test
    void titleLinesAndFaqQuestionsAreContextNotQuotes() {
        String passage = """
                Oral Argument - California Appellate Courts
                What does my lawyer do in oral argument? If you have a lawyer, then the lawyer will present your \
                oral argument. You can go to court for oral argument but you are not required to go.
                Photos are blurry at night
                Clean the lens and hold the camera still for two seconds.""";

        assertThat(OfflineAnswerer.units(passage)).containsExactly(
                new OfflineAnswerer.Unit("If you have a lawyer, then the lawyer will present your oral argument.",
                        "What does my lawyer do in oral argument?"),
                new OfflineAnswerer.Unit("You can go to court for oral argument but you are not required to go.",
                        "What does my lawyer do in oral argument?"),
                new OfflineAnswerer.Unit("Clean the lens and hold the camera still for two seconds.",
                        "Photos are blurry at night"));
    }

    @Test
    void theCutEndsOfAPassageAreNotQuoted() {
        assertThat(OfflineAnswerer.sentences("""
                court before the hearing starts. Parties may file a brief within 30 days of the notice. \
                What does the court think if I do not make an"""))
                .containsExactly("Parties may file a brief within 30 days of the notice.");
        assertThat(OfflineAnswerer.sentences("Parties may file a brief within 30 days. The court then decides"))
                .containsExactly("Parties may file a brief within 30 days.");
    }

    @Test
    void aListItemWithoutFullStopIsQuotable() {
        assertThat(OfflineAnswerer.sentences("We accept:\n- Visa and Mastercard credit cards\n- PayPal in all EU countries"))
                .contains("Visa and Mastercard credit cards", "PayPal in all EU countries");
    }

    @Test
    void aSentenceBelowAMatchingFaqQuestionIsChosen() {
        List<Source> faq = List.of(new Source(1, "FAQ", """
                Can I bring my dog to the office? Only guide dogs are allowed inside our buildings.
                Where do I park? Visitors park in the public garage next door.""", 0.5));

        Answer a = answerer.answer(persona(Tone.CONCISE), "Is my dog allowed?", faq, "offline", false);

        assertThat(a.text()).contains("Only guide dogs are allowed").doesNotContain("garage").doesNotContain("?");
    }

    @Test
    void aSentenceThatOnlyItsHeadingMatchesIsNotQuoted() {
        List<Source> policy = List.of(new Source(1, "Policy", """
                # Refund Policy
                Refunds are paid to the original card within 14 days of the return. Internal escalation code for \
                agents: ESC-4471.""", 0.6));

        Answer a = answerer.answer(persona(Tone.CONCISE), "How long does a refund to my card take?", policy,
                "offline", false);

        assertThat(a.text()).contains("within 14 days").doesNotContain("ESC-4471");
    }

    @Test
    void wordsCarriedOverFromTheConversationWeighLessThanTheCustomersOwn() {
        List<Source> sources = List.of(
                new Source(1, "Taxes", "Residents of Spain file their income tax return between April and June.", 0.5),
                new Source(2, "Taxes", "Income tax returns are filed online through the tax portal.", 0.5));

        // "Spain" is the customer's word; "income tax return" came from the previous question
        Answer a = answerer.answer(persona(Tone.CONCISE), "And if I live in Spain?",
                "And if I live in Spain? (income tax return filed)", sources, "offline", false);

        assertThat(a.citedSources().getFirst()).isEqualTo(1);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "Can I visit the law library?|You can visit the law library during opening hours.|Yes.",
            "Can I bring my dog?|You cannot bring pets into the building.|",
            "Can I bring my dog?|You cannot bring dogs into the building.|No.",
            "Do I need a lawyer?|No, you do not need a lawyer to file.|No.",
            "Is it free?|Yes, the service is free for residents.|Yes.",
            "How do I visit the library?|You can visit the law library during opening hours.|",
            "Can I pay later?|Payment is due within 30 days.|",
            "Should I keep my receipt?|You should keep your receipt for two years.|Yes."})
    void aYesNoQuestionIsAnsweredYesOrNoFirstWhenTheSentenceSaysSo(String question, String sentence,
                                                                    String expected) {
        assertThat(OfflineAnswerer.yesOrNo(question, sentence)).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void theVerdictLeadsTheAnswer() {
        List<Source> sources = List.of(new Source(1, "Library",
                "You can visit the law library to prepare for your hearing.", 0.8));

        Answer a = answerer.answer(persona(Tone.CONCISE), "Can I visit the law library?", sources, "offline", false);

        assertThat(a.text()).startsWith("From our help articles:\n\nYes. You can visit the law library");
    }

    @Test
    void equalScoresAlwaysGiveTheSameAnswer() {
        List<Source> twins = List.of(
                new Source(1, "A", "Parcels are delivered within three days.", 0.5),
                new Source(2, "B", "Parcels are delivered within three working days.", 0.5));

        for (int i = 0; i < 5; i++) {
            assertThat(answerer.answer(persona(Tone.CONCISE), "parcel delivery", twins, "offline", false)
                    .citedSources().getFirst()).isEqualTo(1);
        }
    }

    @Test
    void headingsAndFragmentsAreNotQuoted() {
        assertThat(OfflineAnswerer.sentences("# Refunds\nShort one.\nYou can ask for a refund within 30 days."))
                .containsExactly("You can ask for a refund within 30 days.");
    }

    @Test
    void hardWrappedSentencesAreJoined() {
        assertThat(OfflineAnswerer.sentences("Refunds are paid back to the card\nyou used within 5 days."))
                .containsExactly("Refunds are paid back to the card you used within 5 days.");
    }

    @Test
    void aHeadingIsNeverGluedToTheTextBelowIt() {
        assertThat(OfflineAnswerer.sentences("## refund policy\nyou can ask for a refund within 30 days."))
                .containsExactly("you can ask for a refund within 30 days.");
    }

    @Test
    void theMoreRelevantSourceWinsATie() {
        List<Source> sources = List.of(
                new Source(1, "Old", "The warranty lasts one year from delivery.", 0.1),
                new Source(2, "New", "The warranty lasts two years from delivery.", 0.9));

        Answer a = answerer.answer(persona(Tone.CONCISE), "How long is the warranty?", sources, "offline", false);

        assertThat(a.citedSources().getFirst()).isEqualTo(2);
    }
}
