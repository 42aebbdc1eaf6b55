package com.frontline.llm.internal;

import com.frontline.llm.Answer;
import com.frontline.llm.Source;
import com.frontline.tenants.Persona;
import com.frontline.tenants.Tone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    void shippingQuestionCitesTheShippingSource() {
        Answer a = answerer.answer(persona(Tone.CONCISE), "How much does express shipping cost and where do you ship?",
                SOURCES, "offline", false);

        assertThat(a.citedSources()).containsExactly(2);
        assertThat(a.text()).contains("Express shipping costs 9.90 EUR and arrives the next day.");
    }

    @Test
    void keepsOneToThreeSentencesInSourceOrder() {
        Answer a = answerer.answer(persona(Tone.FORMAL), "refund refunds card days gift cards purchase shipping",
                SOURCES, "offline", false);

        Matcher m = Pattern.compile("\\[(\\d)]").matcher(a.text());
        int last = 0;
        while (m.find()) {
            assertThat(Integer.parseInt(m.group(1))).isGreaterThanOrEqualTo(last);
            last = Integer.parseInt(m.group(1));
        }
        assertThat(answerer.choose("refund refunds card days gift cards purchase shipping", SOURCES))
                .hasSizeBetween(1, 3);
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
    void concisePutsSeveralSentencesAsBulletsEachCited() {
        Answer a = answerer.answer(persona(Tone.CONCISE), "refund within 30 days paid back card business days",
                SOURCES, "offline", false);

        List<String> bullets = a.text().lines().filter(l -> l.startsWith("- ")).toList();
        assertThat(bullets).hasSizeGreaterThanOrEqualTo(2).allSatisfy(b -> assertThat(b).endsWith("[1]"));
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
