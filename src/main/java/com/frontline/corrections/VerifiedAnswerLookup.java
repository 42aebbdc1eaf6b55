package com.frontline.corrections;

import com.frontline.chat.VerifiedAnswers;
import com.frontline.search.Audience;
import com.frontline.search.TextEmbedder;
import com.frontline.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers a question with an approved correction when its question is close enough: the question is embedded and
 * compared with every approved question of the workspace held in memory ({@link ApprovedQuestions}). Approved
 * corrections are public knowledge (they may be quoted to widget visitors), so every audience gets them. A workspace
 * without approved corrections costs one map lookup, not an embedding.
 */
@Component
class VerifiedAnswerLookup implements VerifiedAnswers {

    private static final Logger log = LoggerFactory.getLogger(VerifiedAnswerLookup.class);

    private final CorrectionRepository corrections;
    private final ApprovedQuestions approved;
    private final TextEmbedder embedder;

    VerifiedAnswerLookup(CorrectionRepository corrections, ApprovedQuestions approved, TextEmbedder embedder) {
        this.corrections = corrections;
        this.approved = approved;
        this.embedder = embedder;
    }

    @Override
    public Optional<Match> match(TenantId tenant, Audience audience, String question) {
        if (question.isBlank()) {
            return Optional.empty();
        }
        try {
            ApprovedQuestions.Snapshot snapshot = snapshot(tenant);
            if (snapshot.size() == 0) {
                return Optional.empty();
            }
            Optional<Match> match = best(snapshot, embedder.embed(question));
            match.ifPresent(m -> corrections.countHit(tenant, m.correctionId()));
            return match;
        } catch (RuntimeException e) {
            // a verified answer is a shortcut: without it the assistant still answers from the knowledge
            log.warn("Verified-answer lookup failed for workspace {}: {}", tenant, e.toString());
            return Optional.empty();
        }
    }

    ApprovedQuestions.Snapshot snapshot(TenantId tenant) {
        return approved.of(tenant, t -> new ApprovedQuestions.Snapshot(corrections.approved(t),
                corrections.threshold(t).orElse(MatchThreshold.DEFAULT), approved.now()));
    }

    /** The best approved question at or above the snapshot's threshold (the comparison alone, without hit count). */
    static Optional<Match> best(ApprovedQuestions.Snapshot snapshot, float[] questionVector) {
        return snapshot.best(Vectors.unit(questionVector))
                .filter(b -> b.similarity() >= snapshot.threshold())
                .map(b -> new Match(b.correction().id(), b.correction().question(), b.correction().answer(),
                        b.correction().sourceUrl(), Math.min(1, b.similarity())));
    }
}
