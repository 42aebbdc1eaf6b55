package com.frontline.chat;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a customer did after each answer, and the score it adds up to. */
class ImplicitSignalsTest {

    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-07T10:00:00Z");
    static final UUID CONVERSATION = UUID.randomUUID();
    /** Similar only when the texts share their first word: enough to tell a rewording from a new question. */
    static final ImplicitSignals.Similarity FIRST_WORD = (a, b) ->
            a.split(" ")[0].equalsIgnoreCase(b.split(" ")[0]) ? 0.9 : 0.2;

    final List<ChatMessage> messages = new ArrayList<>();
    String lastQuestion;

    private ChatMessage customer(String text, int atSeconds) {
        lastQuestion = text;
        return add(Author.CUSTOMER, text, null, atSeconds);
    }

    private ChatMessage answer(String text, int atSeconds) {
        return add(Author.ASSISTANT, text, null, atSeconds);
    }

    private ChatMessage add(Author author, String text, String model, int atSeconds) {
        ChatMessage m = new ChatMessage(UUID.randomUUID(), CONVERSATION, messages.size() + 1, author,
                author == Author.ASSISTANT ? "Ava" : null, text, List.of(), author == Author.ASSISTANT ? 0.7 : null,
                false, false, "offline", model, null, T0.plusSeconds(atSeconds),
                author == Author.ASSISTANT ? lastQuestion : null, null);
        messages.add(m);
        return m;
    }

    private Map<UUID, ImplicitSignals> read(OffsetDateTime left) {
        return ImplicitSignals.read(messages, left, FIRST_WORD);
    }

    @Test
    void nothingKnownScoresOneHalf() {
        assertThat(new ImplicitSignals(false, false, false, false, false).score()).isEqualTo(0.5);
    }

    @Test
    void theFormulaAddsUpAndStaysBetweenZeroAndOne() {
        assertThat(new ImplicitSignals(true, false, false, false, true).score()).isEqualTo(1.0);
        assertThat(new ImplicitSignals(true, false, false, false, false).score()).isEqualTo(0.6);
        assertThat(new ImplicitSignals(true, true, false, false, false).score()).isEqualTo(0.2);
        assertThat(new ImplicitSignals(true, false, true, false, false).score()).isEqualTo(0.1);
        assertThat(new ImplicitSignals(false, false, false, true, false).score()).isEqualTo(0.3);
        assertThat(new ImplicitSignals(true, true, true, true, false).score()).isEqualTo(0.0);
        assertThat(ImplicitSignals.FORMULA).contains("0.5", "+0.4", "+0.1", "−0.3", "−0.4", "−0.2", "15 seconds");
    }

    @Test
    void aThanksAfterAnAnswerIsAContinuationAndAThanks() {
        customer("How long do refunds take?", 0);
        ChatMessage a = answer("Five business days.", 2);
        customer("thanks!", 10);
        add(Author.ASSISTANT, "You're welcome!", SmallTalk.MODEL, 11);

        Map<UUID, ImplicitSignals> signals = read(null);

        assertThat(signals).containsOnlyKeys(a.id()); // small talk is nothing to rate
        assertThat(signals.get(a.id())).isEqualTo(new ImplicitSignals(true, false, false, false, true));
    }

    @Test
    void theSameQuestionRewordedIsARephrase() {
        customer("Refund time for returns?", 0);
        ChatMessage first = answer("Sorry, I don't know.", 2);
        customer("refund how long does it take", 20);
        ChatMessage second = answer("Five business days.", 22);
        customer("Shipping to Canada?", 40);
        ChatMessage third = answer("Yes.", 42);

        Map<UUID, ImplicitSignals> signals = read(null);

        assertThat(signals.get(first.id()).rephrased()).isTrue();
        assertThat(signals.get(first.id()).score()).isEqualTo(0.2);
        assertThat(signals.get(second.id())).isEqualTo(new ImplicitSignals(true, false, false, false, false));
        assertThat(signals.get(third.id())).isEqualTo(new ImplicitSignals(false, false, false, false, false));
    }

    @Test
    void askingForAPersonNextIsNoRephrase() {
        customer("Where is my parcel?", 0);
        ChatMessage a = answer("Sorry, I don't know.", 2);
        customer("Where is it? I want to talk to a human", 5);

        assertThat(read(null).get(a.id())).isEqualTo(new ImplicitSignals(true, false, true, false, false));
    }

    @Test
    void leavingWithinFifteenSecondsWithoutWritingIsLeavingQuickly() {
        customer("Where is my parcel?", 0);
        ChatMessage a = answer("Track it under Orders.", 2);

        assertThat(read(T0.plusSeconds(17)).get(a.id()).leftQuickly()).isTrue();
        assertThat(read(T0.plusSeconds(18)).get(a.id()).leftQuickly()).isFalse(); // 16 s after the answer
        assertThat(read(T0.plusSeconds(1)).get(a.id()).leftQuickly()).isFalse(); // left before it came
        assertThat(read(null).get(a.id()).leftQuickly()).isFalse();
    }

    @Test
    void leavingAfterWritingAgainIsNotLeavingQuicklyAfterTheEarlierAnswer() {
        customer("Where is my parcel?", 0);
        ChatMessage a = answer("Track it under Orders.", 2);
        customer("ok and returns?", 5);
        ChatMessage b = answer("30 days.", 7);

        Map<UUID, ImplicitSignals> signals = read(T0.plusSeconds(10));

        assertThat(signals.get(a.id()).leftQuickly()).isFalse();
        assertThat(signals.get(b.id()).leftQuickly()).isTrue();
    }
}
