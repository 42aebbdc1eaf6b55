package com.frontline.chat;

import com.frontline.shared.TenantId;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** What the chat module tells the rest of the app. */
public final class ChatEvents {

    private ChatEvents() {
    }

    /** A conversation now waits for a human; published in the transaction that changed its status. */
    public record HandoffRequested(TenantId tenant, UUID conversationId, String reason) {
    }

    /**
     * An agent closed a conversation; published in the transaction that changed its status.
     *
     * @param question    the customer's last question before the agent first replied, if any
     * @param agentAnswer what the agent replied to it (their replies joined, in order), if they replied
     */
    public record ConversationResolved(TenantId tenant, UUID conversationId, UUID agentId, String agentName,
                                       @Nullable String question, @Nullable String agentAnswer) {
    }
}
