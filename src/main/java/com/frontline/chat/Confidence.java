package com.frontline.chat;

/**
 * How sure the assistant may be of an answer, from 0 to 1: a logistic model of {@link AnswerSignals}, mostly the
 * best passage's relevance to the question, raised when the answer's sentences contain the customer's own words
 * (coverage) and when word match and meaning agree on the best passage. A model's answer is scaled by its grounding
 * (the share of its words found in the passages), since a model can write what no passage says; an extractive quote
 * is grounded by construction. An empty answer or an answer without sources scores 0. The Handoff settings page
 * explains it in words.
 * <p>
 * The coefficients were fitted (class-balanced logistic regression, answerable and partial tasks against
 * unanswerable ones, answered tasks only) on the offline answers to three answer sets: {@code mtrag_dev}, the same
 * set with the reference passages of 60 tasks removed, and the same set with 150 questions from two other data sets
 * that its knowledge cannot answer (see BENCHMARKS.md, "Answer evaluation", for the commands). Only signals that
 * carried information on more than one set and whose weight has the expected sign were kept: a quote's grounding
 * is always 1, the margin to the second passage and the coverage of carried-over words had unstable signs. Balanced
 * classes put the decision at 0.5, the default threshold. The replay quoted whole passages where the chat sees
 * chunks of them, so the intercept was then moved from -3.96 by +0.20, to where the real path (eval-answers on the
 * same three sets) tells the classes apart as well or better (mean of answered and abstained rates, all sets).
 */
public final class Confidence {

    static final double RELEVANCE = 6.70;
    static final double COVERAGE = 1.34;
    static final double AGREEMENT = 0.21;
    static final double INTERCEPT = -3.76;

    private Confidence() {
    }

    /**
     * @param signals    what the answer rests on
     * @param extractive the answer quotes the sources (the offline answerer), no model wrote it
     */
    static double score(AnswerSignals signals, boolean extractive) {
        double z = RELEVANCE * signals.relevance() + COVERAGE * signals.coverage()
                + AGREEMENT * signals.agreement() + INTERCEPT;
        double p = 1 / (1 + Math.exp(-z));
        return extractive ? p : p * signals.grounding();
    }
}
