package com.frontline.chat;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.UUID;

public record Conversation(UUID id, Channel channel, String visitorId, ConversationStatus status,
                           @Nullable String handoffReason, @Nullable OffsetDateTime handoffAt, @Nullable UUID agentId,
                           @Nullable String agentName, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
