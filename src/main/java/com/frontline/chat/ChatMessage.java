package com.frontline.chat;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One message of a conversation, in order of {@code seq}.
 *
 * @param confidence    for assistant answers: how sure the assistant is, from 0 to 1
 * @param lowConfidence the answer fell below the workspace's threshold, so it is the fallback message
 * @param extractive    composed from sentences of the sources by the offline answerer, not written by a model
 * @param question      for assistant answers: the customer's message it replied to
 * @param verifiedCorrectionId for a verified answer: the approved correction served as the answer
 */
public record ChatMessage(UUID id, UUID conversationId, long seq, Author author, @Nullable String authorName,
                          String text, List<Citation> citations, @Nullable Double confidence, boolean lowConfidence,
                          boolean extractive, @Nullable String provider, @Nullable String model,
                          @Nullable Integer feedback, OffsetDateTime createdAt, @Nullable String question,
                          @Nullable UUID verifiedCorrectionId) {

    public ChatMessage {
        citations = List.copyOf(citations);
    }

    /** A question back to the customer ("Do you mean A or B?") instead of an answer. */
    public boolean clarifyingQuestion() {
        return author == Author.ASSISTANT && Clarification.MODEL.equals(model);
    }

    /** An approved correction served as the answer ("Verified answer"), before any retrieval. */
    public boolean verified() {
        return author == Author.ASSISTANT && verifiedCorrectionId != null;
    }

    /** The assistant answered a greeting, thanks or goodbye in kind: no knowledge behind it, nothing to rate. */
    public boolean smallTalk() {
        return author == Author.ASSISTANT && SmallTalk.MODEL.equals(model);
    }
}
