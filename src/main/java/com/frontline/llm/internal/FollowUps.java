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
    /** Topic words added after the previous question's. */
    static final int MAX_TOPIC = 3;
    /** The turns (both sides) that the topic is taken from. */
    static final int TOPIC_WINDOW = 6;
    /** A word is topical when this many of those turns use it. */
    static final int TOPIC_TURNS = 3;

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
     * The question with the conversation's key words it lacks, e.g. "and for kids? (ski pass price)": first the
     * previous question's content words (from the one before too, when the previous one was itself a short
     * follow-up), then the conversation's topic: words that came up in at least {@value #TOPIC_TURNS} of its recent
     * turns, the assistant's included ("How many teams?" after three turns about American football).
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
        for (String word : topic(history)) {
            if (carried.size() < MAX_CARRIED + MAX_TOPIC && carriedStems.add(Terms.stem(word))) {
                carried.add(word);
            }
        }
        return carried.isEmpty() ? question : question.strip() + " (" + String.join(" ", carried) + ")";
    }

    /** Words that came up in several of the last {@value #TOPIC_WINDOW} turns, most turns first, then latest. */
    static List<String> topic(List<Turn> history) {
        List<Turn> recent = history.subList(Math.max(0, history.size() - TOPIC_WINDOW), history.size());
        java.util.Map<String, Integer> turns = new java.util.HashMap<>();
        java.util.Map<String, String> surface = new java.util.HashMap<>();
        java.util.Map<String, Integer> last = new java.util.HashMap<>();
        for (int i = 0; i < recent.size(); i++) {
            Set<String> seen = new java.util.HashSet<>();
            for (String word : Terms.words(recent.get(i).text())) {
                String stem = Terms.stem(word);
                if (Terms.isContent(word) && !word.chars().allMatch(Character::isDigit) && seen.add(stem)) {
                    turns.merge(stem, 1, Integer::sum);
                    surface.putIfAbsent(stem, word);
                    last.put(stem, i);
                }
            }
        }
        return turns.entrySet().stream().filter(e -> e.getValue() >= TOPIC_TURNS)
                .sorted(java.util.Comparator.<java.util.Map.Entry<String, Integer>>comparingInt(e -> -e.getValue())
                        .thenComparing(e -> -last.get(e.getKey())).thenComparing(java.util.Map.Entry::getKey))
                .map(e -> surface.get(e.getKey())).toList();
    }
}
