package com.frontline.evaluation;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One case of a workspace's evaluation set: a question customers ask, the answer that is right, and optionally the
 * source the answer should cite.
 *
 * @param correctionId      for a case from a correction: the correction
 * @param correctionVersion for a case from a correction: the approved version whose text the case holds
 * @param retired           the correction no longer answers: the case is listed but not asked
 */
public record EvaluationCase(UUID id, CaseOrigin origin, @Nullable UUID correctionId,
                             @Nullable Integer correctionVersion, String question, String expectedAnswer,
                             @Nullable String expectedSource, boolean retired, OffsetDateTime createdAt) {
}
