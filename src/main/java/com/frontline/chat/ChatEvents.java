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
     * A customer's message was stored (in any channel but the evaluation's); published in the transaction that stored
     * it. {@code seq} orders it among the conversation's messages.
     */
    public record CustomerMessageAdded(TenantId tenant, UUID conversationId, UUID messageId, long seq,
                                       java.time.OffsetDateTime at) {
    }

    /**
     * A customer rated one of the assistant's answers 👍 (1) or 👎 (-1), replacing any earlier rating; published in
     * the transaction that stored it.
     */
    public record AnswerRated(TenantId tenant, UUID conversationId, UUID messageId, int value) {
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
