package com.frontline.chat;

import java.util.List;
import java.util.UUID;

/** What a live view of a conversation (the widget, the playground, an agent's inbox) is told as it happens. */
public sealed interface ChatEvent {

    /** A message was stored: a customer's, the assistant's final answer, an agent's. */
    record MessageAdded(ChatMessage message) implements ChatEvent {
    }

    /** The assistant started on an answer; tokens with the same id follow. */
    record AnswerStarted(UUID answerId) implements ChatEvent {
    }

    /** More text of the answer being written. */
    record AnswerToken(UUID answerId, String delta) implements ChatEvent {
    }

    /** The text streamed so far is void (a provider failed mid-answer, or the answer was replaced). */
    record AnswerRestarted(UUID answerId) implements ChatEvent {
    }

    /**
     * The passages retrieved for a question, with their scores; shown in the playground only.
     *
     * @param searched false when the message was answered without a search (small talk: "Hi", "thanks")
     */
    record Retrieved(UUID answerId, String query, List<RetrievedPassage> passages, boolean searched)
            implements ChatEvent {
    }

    /**
     * Providers failed (or were skipped) before this answer; shown in the playground only, never to visitors.
     *
     * @param answeredBy the provider that answered, or {@code offline} for the offline answerer
     */
    record ProvidersFailed(UUID answerId, List<com.frontline.llm.ProviderFailure> failures, String answeredBy)
            implements ChatEvent {
    }

    /** The conversation changed hands. */
    record StatusChanged(ConversationStatus status, @org.jspecify.annotations.Nullable String agentName)
            implements ChatEvent {
    }

    /** @param internal the widget never sees this passage (the playground searches as the team) */
    record RetrievedPassage(String title, String snippet, boolean internal, double score, double relevance,
                            @org.jspecify.annotations.Nullable Integer bm25Rank,
                            @org.jspecify.annotations.Nullable Integer denseRank) {
    }
}
