package com.frontline.chat;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * An answer opened from the review page: the whole conversation, and why the assistant said what it said.
 *
 * @param retrieval       what the search returned for the answer; null for answers stored before it was recorded
 * @param implicitSignals what the visitor did next (signal name → observed); null until the signals job ran
 */
public record FeedbackReviewDetail(FeedbackReviewRow answer, List<ChatMessage> turns, @Nullable Retrieval retrieval,
                                   @Nullable Map<String, Boolean> implicitSignals) {

    private static final Map<String, String> SIGNAL_LABELS = Map.of("thanked", "Said thanks", "continued",
            "Continued the conversation", "rephrased", "Rephrased the same question", "askedForPerson",
            "Asked for a person", "leftQuickly", "Left within seconds");

    /** An implicit signal in words, and whether it was observed. */
    public record Signal(String label, boolean observed) {
    }

    /** The implicit signals in words, in a fixed order; empty when not read yet. */
    public List<Signal> signals() {
        if (implicitSignals == null) {
            return List.of();
        }
        return implicitSignals.entrySet().stream()
                .map(e -> new Signal(SIGNAL_LABELS.getOrDefault(e.getKey(), e.getKey()),
                        Boolean.TRUE.equals(e.getValue())))
                .toList();
    }

    /** How the answer came about, in words. */
    public String route() {
        ChatMessage turn = turns.stream().filter(m -> m.id().equals(answer.messageId())).findFirst().orElse(null);
        if (turn == null) {
            return "–";
        }
        if (turn.verified()) {
            return "Verified answer (an approved correction)";
        }
        if (answer.lowConfidence()) {
            return "Fallback message (the assistant was unsure)";
        }
        return turn.extractive() ? "Quoted from the sources (offline answerer)" : "Written by a model from the sources";
    }

    /** Who wrote a turn, as the transcript shows it. */
    public String speaker(ChatMessage m) {
        return switch (m.author()) {
            case CUSTOMER -> "Customer";
            case ASSISTANT -> m.authorName() == null ? "Assistant" : m.authorName();
            case AGENT -> m.authorName() == null ? "Agent" : m.authorName();
            case SYSTEM -> "Notice";
        };
    }

    /** The query the assistant searched with, and the passages found, best first. */
    public record Retrieval(@Nullable String query, @Nullable List<Passage> passages) {
        public List<Passage> passageList() {
            return passages == null ? List.of() : passages;
        }
    }

    public record Passage(@Nullable String documentId, @Nullable String label, @Nullable String visibility,
                          @Nullable Double score, @Nullable Double relevance, @Nullable Integer bm25Rank,
                          @Nullable Integer denseRank) {
    }
}
