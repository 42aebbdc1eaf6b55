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
 * @param feedbackReasons for a 👎: why, as the customer (or an agent) picked them
 * @param feedbackComment for a 👎: what the customer (or an agent) wrote, if anything
 * @param handedOff     for assistant answers: the conversation went to a person right after this answer
 */
public record ChatMessage(UUID id, UUID conversationId, long seq, Author author, @Nullable String authorName,
                          String text, List<Citation> citations, @Nullable Double confidence, boolean lowConfidence,
                          boolean extractive, @Nullable String provider, @Nullable String model,
                          @Nullable Integer feedback, OffsetDateTime createdAt, @Nullable String question,
                          @Nullable UUID verifiedCorrectionId, List<FeedbackReason> feedbackReasons,
                          @Nullable String feedbackComment, boolean handedOff) {

    public ChatMessage {
        citations = List.copyOf(citations);
        feedbackReasons = List.copyOf(feedbackReasons);
    }

    /** A message without reasons, comment or handoff. */
    public ChatMessage(UUID id, UUID conversationId, long seq, Author author, @Nullable String authorName,
                       String text, List<Citation> citations, @Nullable Double confidence, boolean lowConfidence,
                       boolean extractive, @Nullable String provider, @Nullable String model,
                       @Nullable Integer feedback, OffsetDateTime createdAt, @Nullable String question,
                       @Nullable UUID verifiedCorrectionId) {
        this(id, conversationId, seq, author, authorName, text, citations, confidence, lowConfidence, extractive,
                provider, model, feedback, createdAt, question, verifiedCorrectionId, List.of(), null, false);
    }

    /** An answer a customer can rate: not a reply to small talk, not a question back. */
    public boolean ratable() {
        return author == Author.ASSISTANT && !smallTalk() && !clarifyingQuestion();
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
