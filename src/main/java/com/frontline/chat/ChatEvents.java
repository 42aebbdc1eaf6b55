package com.frontline.chat;

import com.frontline.shared.TenantId;

import java.util.UUID;

/** What the chat module tells the rest of the app. */
public final class ChatEvents {

    private ChatEvents() {
    }

    /** A conversation now waits for a human; published in the transaction that changed its status. */
    public record HandoffRequested(TenantId tenant, UUID conversationId, String reason) {
    }
}
