package com.frontline.chat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WantsHumanTest {

    @ParameterizedTest
    @ValueSource(strings = {"I want to talk to a human", "Can I speak with someone?", "let me chat with a real person",
            "Connect me to a live agent", "talk to an agent please", "I need a human agent"})
    void plainRequestsForAPersonAreRecognised(String message) {
        assertThat(ChatService.wantsHuman(message)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"How do I return an item?", "Is the human resources team open?",
            "What does your agent commission cost?", "Who is the person on the box?"})
    void ordinaryQuestionsAreNot(String message) {
        assertThat(ChatService.wantsHuman(message)).isFalse();
    }
}
