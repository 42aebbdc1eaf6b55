package com.frontline.rollouts.simulation;

/**
 * How a synthetic visitor behaves: a conversation of answers (1 + a geometric number more, mean
 * {@code answersPerVisitor}, at most 20), one provider call per answer that fails with the arm's error rate (a
 * failed call gives the fallback message and no rating), and each other answer rated with probability
 * {@code ratingRate}, 👍 with the arm's helpful rate.
 */
public record VisitorModel(double baselineHelpful, double candidateHelpful, double ratingRate,
                           double answersPerVisitor, double baselineErrors, double candidateErrors) {

    /** Two answers per visitor, a quarter of answers rated, errors on 1 % of calls in both arms. */
    public static VisitorModel of(double baselineHelpful, double candidateHelpful) {
        return new VisitorModel(baselineHelpful, candidateHelpful, 0.25, 2.0, 0.01, 0.01);
    }

    public VisitorModel {
        for (double p : new double[] { baselineHelpful, candidateHelpful, ratingRate, baselineErrors,
                candidateErrors }) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities from 0 to 1, not " + p);
            }
        }
        if (!(answersPerVisitor >= 1 && answersPerVisitor <= 10)) {
            throw new IllegalArgumentException("answers per visitor from 1 to 10, not " + answersPerVisitor);
        }
    }

    public VisitorModel withRatingRate(double r) {
        return new VisitorModel(baselineHelpful, candidateHelpful, r, answersPerVisitor, baselineErrors,
                candidateErrors);
    }

    public VisitorModel withErrors(double baseline, double candidate) {
        return new VisitorModel(baselineHelpful, candidateHelpful, ratingRate, answersPerVisitor, baseline, candidate);
    }
}
