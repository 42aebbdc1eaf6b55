package com.frontline.chat;

import com.frontline.shared.Terms;
import org.jspecify.annotations.Nullable;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an answer's confidence is computed from: signals that carry information even for an extractive answer (a
 * quote is always "grounded" in its source, so grounding alone says nothing).
 *
 * @param relevance  the best passage's absolute relevance to the question (cosine, 0–1)
 * @param margin     how far the best passage stands above the second (relevance), 0–1
 * @param coverage   the share of the customer's own content words that the answer's sentences contain, 0–1
 * @param queryCoverage the same for the standalone question, words carried over from the conversation included
 * @param agreement  1 when word match (BM25) and meaning (dense) both rank the best passage in their top three
 * @param grounding  the share of the answer's content words found in the passages it was given, 0–1
 */
record AnswerSignals(double relevance, double margin, double coverage, double queryCoverage, double agreement,
                     double grounding) {

    private static final Pattern CITATION = Pattern.compile("\\[\\d{1,3}(?:\\s*,\\s*\\d{1,3})*]");
    /** Both retrievers rank a passage this high or better for it to count as their agreement. */
    static final int AGREEING_RANK = 3;

    /** A passage as the signals see it: relevance and the ranks each retriever gave it (null: not proposed). */
    record Ranked(double relevance, @Nullable Integer bm25Rank, @Nullable Integer denseRank) {
    }

    /**
     * @param question the customer's words
     * @param query    the standalone question that was searched
     * @param passages the passages offered to the answerer, best first
     * @param answer   the answer's body, without the persona's fixed lines
     * @param sources  the texts of the passages offered
     */
    static AnswerSignals of(String question, String query, List<Ranked> passages, String answer,
                            List<String> sources) {
        double relevance = passages.isEmpty() ? 0 : clamp(passages.getFirst().relevance());
        double second = passages.size() < 2 ? 0 : clamp(passages.get(1).relevance());
        boolean agree = !passages.isEmpty() && rankedHigh(passages.getFirst().bm25Rank())
                && rankedHigh(passages.getFirst().denseRank());
        Set<String> answerStems = Terms.contentStems(CITATION.matcher(answer).replaceAll(" "));
        Set<String> own = Terms.contentStems(question);
        Set<String> searched = Terms.contentStems(query);
        double coverage = own.isEmpty() ? share(searched, answerStems) : share(own, answerStems);
        return new AnswerSignals(relevance, Math.max(0, relevance - second), coverage,
                share(searched, answerStems), agree ? 1 : 0, grounding(answerStems, sources));
    }

    private static boolean rankedHigh(@Nullable Integer rank) {
        return rank != null && rank <= AGREEING_RANK;
    }

    private static double share(Set<String> wanted, Set<String> found) {
        if (wanted.isEmpty()) {
            return 0;
        }
        return (double) wanted.stream().filter(found::contains).count() / wanted.size();
    }

    private static double grounding(Set<String> answerStems, List<String> sources) {
        if (answerStems.isEmpty()) {
            return 1;
        }
        Set<String> sourceStems = new HashSet<>();
        sources.forEach(s -> sourceStems.addAll(Terms.contentStems(s)));
        return (double) answerStems.stream().filter(sourceStems::contains).count() / answerStems.size();
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
