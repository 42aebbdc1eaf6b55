package com.frontline.evaluation;

import com.frontline.chat.Author;
import com.frontline.chat.ChatMessage;
import com.frontline.chat.ChatService.AnsweredTurn;
import com.frontline.chat.Citation;
import com.frontline.chat.ConversationStatus;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A task's outcome is read from what was stored after the question, never from the answer's words. */
class AnswerOutcomeTest {

    static final UUID CONVERSATION = UUID.randomUUID();

    static ChatMessage message(Author author, String text, boolean lowConfidence) {
        List<Citation> citations = author == Author.ASSISTANT && !lowConfidence
                ? List.of(new Citation(1, UUID.randomUUID(), "DOCUMENT", "p1", "quote", null)) : List.of();
        return new ChatMessage(UUID.randomUUID(), CONVERSATION, 2, author, null, text, citations,
                author == Author.ASSISTANT ? 0.4 : null, lowConfidence, true, null, null, null,
                OffsetDateTime.now(), null, null);
    }

    static AnsweredTurn turn(ConversationStatus status, ChatMessage... replies) {
        return new AnsweredTurn(message(Author.CUSTOMER, "question", false), List.of(replies), status, "q",
                List.of());
    }

    @Test
    void aStoredAnswerIsAnswered() {
        assertThat(AnswerEvaluator.classify(turn(ConversationStatus.BOT,
                message(Author.ASSISTANT, "I'm not sure about that one.", false)))).isEqualTo(Outcome.ANSWERED);
    }

    @Test
    void aLowConfidenceAnswerIsTheFallbackEvenWhenItHandsOver() {
        assertThat(AnswerEvaluator.classify(turn(ConversationStatus.BOT,
                message(Author.ASSISTANT, "Here is what our articles say", true)))).isEqualTo(Outcome.FALLBACK);
        assertThat(AnswerEvaluator.classify(turn(ConversationStatus.WAITING,
                message(Author.ASSISTANT, "Fallback", true), message(Author.SYSTEM, "I've asked our team", false))))
                .isEqualTo(Outcome.FALLBACK);
    }

    @Test
    void theTeamTakingOverIsAHandoff() {
        assertThat(AnswerEvaluator.classify(turn(ConversationStatus.WAITING,
                message(Author.SYSTEM, "I've asked our team to join.", false)))).isEqualTo(Outcome.HANDOFF);
        assertThat(AnswerEvaluator.classify(turn(ConversationStatus.WAITING,
                message(Author.ASSISTANT, "Let me get a colleague", false)))).isEqualTo(Outcome.HANDOFF);
    }

    @Test
    void aQuestionBackIsAClarificationNotAnAnswer() {
        ChatMessage back = new ChatMessage(UUID.randomUUID(), CONVERSATION, 2, Author.ASSISTANT, null,
                "Do you mean Card fees or Transfer fees?", List.of(), 0.3, false, false, "offline",
                com.frontline.chat.Clarification.MODEL, null, OffsetDateTime.now(), null, null);

        assertThat(AnswerEvaluator.classify(turn(ConversationStatus.BOT, back))).isEqualTo(Outcome.CLARIFY);
    }

    @Test
    void noAnswerWithoutAHandoffIsAnError() {
        assertThat(AnswerEvaluator.classify(turn(ConversationStatus.BOT,
                message(Author.SYSTEM, "Sorry, something went wrong on our side.", false)))).isEqualTo(Outcome.ERROR);
        assertThat(AnswerEvaluator.classify(turn(ConversationStatus.BOT))).isEqualTo(Outcome.ERROR);
    }

    @Test
    void onlyAnAnswerCountsAsAnsweredAndErrorsAreNotAbstentions() {
        assertThat(Outcome.values()).filteredOn(Outcome::answered).containsExactly(Outcome.ANSWERED);
        assertThat(Outcome.values()).filteredOn(Outcome::abstained)
                .containsExactly(Outcome.FALLBACK, Outcome.HANDOFF, Outcome.CLARIFY);
    }
}
