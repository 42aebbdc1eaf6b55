package com.frontline.evaluation;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What one task got: the outcome, the stored answer and its sources, and what the search saw.
 *
 * @param confidence the stored answer's confidence (0–1), or null when none was stored
 * @param cited      the source ids (corpus ids in an answer set) of the passages the answer cites, in citation order
 * @param answer     the stored answer's text (the fallback message for {@link Outcome#FALLBACK}); empty if none
 * @param query      the standalone question the knowledge search used, or null when the assistant did not search
 * @param passages   what that search returned, best first
 * @param millis     from the customer's message to the stored answer
 */
public record TaskResult(AnswerTask task, Outcome outcome, @Nullable Double confidence, List<String> cited,
                         String answer, @Nullable String query, List<Retrieved> passages, double millis) {

    /** One retrieved passage: its source id, fused score, absolute relevance and ranks in the two retrievers. */
    public record Retrieved(String id, double score, double relevance, @Nullable Integer bm25Rank,
                            @Nullable Integer denseRank) {
    }

    public TaskResult {
        cited = List.copyOf(cited);
        passages = List.copyOf(passages);
    }

    /** The answer cites at least one of the task's reference passages. */
    public boolean citesReference() {
        return cited.stream().anyMatch(task.referenceContexts()::contains);
    }
}
