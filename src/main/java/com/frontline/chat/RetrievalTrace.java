package com.frontline.chat;

import com.frontline.search.Passage;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * What the assistant searched with and what the search returned, best first, stored with the answer
 * ({@code chat.messages.retrieval}) so that a reviewer sees why it said what it said.
 *
 * @param query the standalone question the search used
 */
public record RetrievalTrace(String query, List<TracedPassage> passages) {

    public RetrievalTrace {
        passages = List.copyOf(passages);
    }

    /**
     * One passage as the search returned it.
     *
     * @param label   the document title and the headings above the passage
     * @param snippet the start of the passage's text
     * @see Passage for the scores and ranks
     */
    public record TracedPassage(UUID documentId, String label, String visibility, double score, double relevance,
                                @Nullable Integer bm25Rank, @Nullable Integer denseRank, String snippet) {
    }

    static RetrievalTrace of(String query, List<Passage> passages) {
        return new RetrievalTrace(query, passages.stream().map(p -> new TracedPassage(p.documentId(),
                AnswerComposer.label(p), p.visibility().name(), p.score(), p.relevance(), p.bm25Rank(), p.denseRank(),
                AnswerComposer.snippet(p.text()))).toList());
    }
}
