package com.frontline.corrections;

import com.frontline.chat.ChatEvents;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an agent resolves a handed-off conversation, the customer's question and the agent's reply become a proposed
 * correction. Runs after the chat's transaction commits, from the durable event log (retried after a crash); a
 * repeated delivery proposes nothing new.
 */
@Component
class CorrectionsOnResolved {

    private final CorrectionService corrections;

    CorrectionsOnResolved(CorrectionService corrections) {
        this.corrections = corrections;
    }

    @ApplicationModuleListener
    void on(ChatEvents.ConversationResolved e) {
        corrections.proposeFromHandoff(e);
    }
}
