package com.frontline.chat;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AgentAnswerTest {

    static ChatMessage m(Author author, String text) {
        return new ChatMessage(UUID.randomUUID(), UUID.randomUUID(), 1, author, null, text, List.of(), null, false,
                false, null, null, null, OffsetDateTime.now(), null, null);
    }

    @Test
    void theAgentsRepliesAnswerTheCustomersLastQuestionBeforeThem() {
        var answered = ChatService.agentAnswer(List.of(
                m(Author.CUSTOMER, "Hi"),
                m(Author.ASSISTANT, "Hello!"),
                m(Author.CUSTOMER, "Can I change my delivery address?"),
                m(Author.ASSISTANT, "I'm not sure."),
                m(Author.CUSTOMER, "talk to a person"),
                m(Author.SYSTEM, "I've asked our team to join."),
                m(Author.SYSTEM, "Sam joined the conversation."),
                m(Author.AGENT, "Yes, until the parcel ships."),
                m(Author.AGENT, "Use the Orders page."),
                m(Author.CUSTOMER, "thanks"),
                m(Author.AGENT, "You're welcome")));

        assertThat(answered.question()).isEqualTo("talk to a person");
        assertThat(answered.answer()).isEqualTo("Yes, until the parcel ships.\n\nUse the Orders page.");
    }

    @Test
    void withoutAnAgentsReplyThereIsNothingToPropose() {
        var answered = ChatService.agentAnswer(List.of(m(Author.CUSTOMER, "Hi"), m(Author.ASSISTANT, "Hello!")));

        assertThat(answered.question()).isNull();
        assertThat(answered.answer()).isNull();
    }
}
