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
