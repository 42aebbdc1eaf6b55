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
            "^(and|or|but|also|what about|how about|same|then|so|ok and|okay and|what if|if|no,? i mean|i mean"
                    + "|i meant|no,? i meant|not|in that case|in this case|why not)\\b",
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

    /**
     * The question with the previous question's key words it lacks, e.g. "and for kids? (ski pass price)", and the
     * one before's too when the previous question was itself a short follow-up. (Adding the conversation's topic,
     * words used in several recent turns, was measured with {@code eval-answers} and found no better: BENCHMARKS.md.)
     */
    public static String heuristic(List<Turn> history, String question) {
        if (!looksLikeFollowUp(history, question)) {
            return question;
        }
        Set<String> present = Terms.contentStems(question);
        List<String> carried = new ArrayList<>();
        Set<String> carriedStems = new java.util.HashSet<>(present);
        List<Turn> questions = history.stream().filter(t -> t.speaker() == Speaker.CUSTOMER && !t.text().isBlank())
                .toList();
        for (int i = questions.size() - 1; i >= 0 && i >= questions.size() - 2; i--) {
            String previous = questions.get(i).text();
            for (String word : Terms.words(previous)) {
                if (carried.size() < MAX_CARRIED && Terms.isContent(word) && carriedStems.add(Terms.stem(word))) {
                    carried.add(word);
                }
            }
            if (Terms.contentStems(previous).size() > 2) {
                break; // a question that named its subject: the one before it is history
            }
        }
        return carried.isEmpty() ? question : question.strip() + " (" + String.join(" ", carried) + ")";
    }
}
