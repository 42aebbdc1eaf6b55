package com.frontline.chat;

import com.frontline.search.Audience;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;

import java.util.Optional;
import java.util.UUID;

/**
 * Approved answers the team wrote for questions the assistant got wrong. Asked before any retrieval: a question close
 * enough to an approved one is answered with the approved text, marked "Verified answer". Implemented by the
 * corrections module, so that chat does not depend on it; without an implementation nothing matches.
 */
public interface VerifiedAnswers {

    /** The model name stored on a verified answer. */
    String MODEL = "verified-answer";

    /**
     * The approved answer for the question, if one is close enough. Called once per question the assistant answers;
     * an implementation counts the hit when it returns a match.
     *
     * @param question the standalone question (follow-ups already rewritten)
     * @param audience who reads the answer: widget visitors may only be given public corrections
     */
    Optional<Match> match(TenantId tenant, Audience audience, String question);

    /**
     * @param correctionId the approved correction
     * @param question     the approved question it matched
     * @param answer       the approved answer, shown as is
     * @param sourceUrl    the source the correction cites, if any
     * @param similarity   cosine similarity of the two questions' embeddings
     */
    record Match(UUID correctionId, String question, String answer, @Nullable String sourceUrl, double similarity) {
    }
}
