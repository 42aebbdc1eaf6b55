package com.frontline.insights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LocalAnalysisTest {

    @ParameterizedTest
    @ValueSource(strings = {"asdkjh qwelkj zxcmnb vbnmqw", "xkcd qwrtp sdfgh jklzx", "hi", "ok thanks", "12345 678 90",
            "?!?! ... !!!", "lorem", "Wie geht?"})
    void labelsGibberishAndShortTextUnknown(String text) {
        assertThat(LanguageGuess.of(text)).isEqualTo(LanguageGuess.UNKNOWN);
    }

    @Test
    void recognisesCommonLanguagesInOrdinarySentences() {
        assertThat(LanguageGuess.of("How can I change the delivery address of my order?")).isEqualTo("en");
        assertThat(LanguageGuess.of("Comment puis-je changer l'adresse de livraison de ma commande ?"))
                .isEqualTo("fr");
        assertThat(LanguageGuess.of("Wie kann ich die Lieferadresse meiner Bestellung ändern?")).isEqualTo("de");
        assertThat(LanguageGuess.of("¿Cómo puedo cambiar la dirección de entrega de mi pedido?")).isEqualTo("es");
    }

    /** Short English questions the n-gram detector alone called French or Haitian Creole. */
    @ParameterizedTest
    @ValueSource(strings = {"Are garden centre gift cards available?", "Do you ship to Norway?",
            "Can I buy a gift card for the garden centre?", "Is it possible to change my order's delivery address?"})
    void neverCallsAShortEnglishQuestionAnotherLanguage(String text) {
        assertThat(LanguageGuess.of(text)).isIn("en", LanguageGuess.UNKNOWN);
    }

    @Test
    void readsIntentByRules() {
        assertThat(LocalAnalysis.intent("Hello!")).isEqualTo(Intent.GREETING);
        assertThat(LocalAnalysis.intent("thank you so much")).isEqualTo(Intent.GREETING);
        assertThat(LocalAnalysis.intent("How do I reset my password?")).isEqualTo(Intent.QUESTION);
        assertThat(LocalAnalysis.intent("my parcel never arrived, this is unacceptable")).isEqualTo(Intent.COMPLAINT);
        assertThat(LocalAnalysis.intent("Please cancel my subscription")).isEqualTo(Intent.REQUEST);
        assertThat(LocalAnalysis.intent("refund policy")).isEqualTo(Intent.QUESTION);
        assertThat(LocalAnalysis.intent("hmm")).isEqualTo(Intent.OTHER);
    }

    @Test
    void scoresSentimentWithNegation() {
        assertThat(LocalAnalysis.sentiment(LocalAnalysis.sentimentScore("Great, thanks, that was helpful")))
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(LocalAnalysis.sentiment(LocalAnalysis.sentimentScore("This is terrible and the app is broken")))
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(LocalAnalysis.sentiment(LocalAnalysis.sentimentScore("This is not helpful")))
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(LocalAnalysis.sentiment(LocalAnalysis.sentimentScore("Where is the invoice?")))
                .isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void judgesAnsweredFromTheReply() {
        double bar = 0.35;
        assertThat(LocalAnalysis.answered(Intent.QUESTION, new LocalAnalysis.Reply(0.8, false, null, false, false),
                bar)).isEqualTo(AnswerSignal.ANSWERED);
        assertThat(LocalAnalysis.answered(Intent.QUESTION, new LocalAnalysis.Reply(0.2, true, null, false, false),
                bar)).isEqualTo(AnswerSignal.FALLBACK);
        assertThat(LocalAnalysis.answered(Intent.QUESTION, new LocalAnalysis.Reply(0.8, false, -1, false, false),
                bar)).isEqualTo(AnswerSignal.THUMBS_DOWN);
        assertThat(LocalAnalysis.answered(Intent.QUESTION, new LocalAnalysis.Reply(0.8, false, 1, true, false),
                bar)).isEqualTo(AnswerSignal.HANDOFF);
        assertThat(LocalAnalysis.answered(Intent.QUESTION, new LocalAnalysis.Reply(0.3, false, null, false, false),
                bar)).isEqualTo(AnswerSignal.LOW_CONFIDENCE);
        assertThat(LocalAnalysis.answered(Intent.QUESTION, null, bar)).isEqualTo(AnswerSignal.NO_ANSWER);
        assertThat(LocalAnalysis.answered(Intent.GREETING, null, bar)).isEqualTo(AnswerSignal.NOT_A_QUESTION);
        assertThat(AnswerSignal.FALLBACK.answered()).isFalse();
    }
}
