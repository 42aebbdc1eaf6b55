package com.frontline.llm.internal;

import com.frontline.shared.Terms;
import com.frontline.llm.Speaker;
import com.frontline.llm.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a follow-up ("and for kids?", "how much is it?") from a question that stands alone, and without a model
 * makes it searchable by carrying over the key words of the customer's previous question.
 */
public final class FollowUps {

    private static final Pattern CONTINUATION = Pattern.compile(
            "^(and|or|but|also|what about|how about|same|then|so|ok and|okay and|what if)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> REFERRING = Set.of("it", "its", "it's", "that", "this", "they", "them", "their",
            "those", "these", "there", "one", "ones", "he", "she", "him", "her");
    static final int MAX_CARRIED = 6;

    private FollowUps() {
    }

    public static Optional<Turn> previousQuestion(List<Turn> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Turn t = history.get(i);
            if (t.speaker() == Speaker.CUSTOMER && !t.text().isBlank()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static boolean looksLikeFollowUp(List<Turn> history, String question) {
        if (previousQuestion(history).isEmpty()) {
            return false;
        }
        List<String> words = Terms.words(question);
        long content = words.stream().filter(Terms::isContent).count();
        boolean refers = words.stream().anyMatch(REFERRING::contains);
        return content <= 2 || CONTINUATION.matcher(question.strip()).find() || (refers && content <= 4);
    }

    /** The question with the previous question's key words it lacks, e.g. "and for kids? (ski pass price)". */
    public static String heuristic(List<Turn> history, String question) {
        if (!looksLikeFollowUp(history, question)) {
            return question;
        }
        String previous = previousQuestion(history).orElseThrow().text();
        Set<String> present = Terms.contentStems(question);
        List<String> carried = new ArrayList<>();
        Set<String> carriedStems = new java.util.HashSet<>();
        for (String word : Terms.words(previous)) {
            String stem = Terms.stem(word);
            if (Terms.isContent(word) && !present.contains(stem) && carriedStems.add(stem)) {
                carried.add(word);
            }
            if (carried.size() == MAX_CARRIED) {
                break;
            }
        }
        return carried.isEmpty() ? question : question.strip() + " (" + String.join(" ", carried) + ")";
    }
}
