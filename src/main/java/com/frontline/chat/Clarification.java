package com.frontline.chat;

import com.frontline.search.Passage;
import com.frontline.shared.Terms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A short question back instead of the fallback when a vague question ("what are the fees?") finds passages that are
 * about different things, each about as close to it: "Do you mean Card fees or Transfer fees?". It replaces only an
 * answer the assistant was not sure enough to give, so it never takes an answer away; the customer's reply is a
 * follow-up that names the subject.
 */
public final class Clarification {

    /** Stored as the model of a question back, so that evaluations and reports can tell it from an answer. */
    public static final String MODEL = "clarifying-question";
    /** A question with more content words than this names its subject well enough not to be asked back. */
    static final int MAX_WORDS = 2;
    /** Passages less relevant than this are not topics worth offering. */
    static final double MIN_RELEVANCE = 0.35;
    /** Offered topics are at most this far below the best passage's relevance. */
    static final double CLOSE = 0.08;
    static final int MAX_TOPICS = 3;

    private Clarification() {
    }

    /**
     * @param question the customer's words
     * @param passages the passages found, best first
     * @param language the persona's language (en, de, fr, es, nl)
     */
    static Optional<String> question(String question, List<Passage> passages, String language) {
        int words = Terms.contentStems(question).size();
        if (words == 0 || words > MAX_WORDS || passages.size() < 2) {
            return Optional.empty();
        }
        double best = passages.getFirst().relevance();
        Map<String, String> topics = new LinkedHashMap<>();
        for (Passage p : passages) {
            if (p.relevance() < MIN_RELEVANCE || best - p.relevance() > CLOSE || topics.size() == MAX_TOPICS) {
                continue;
            }
            String topic = topic(p);
            topics.putIfAbsent(topic.toLowerCase(Locale.ROOT), topic);
        }
        if (topics.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(phrase(new ArrayList<>(topics.values()), language));
    }

    /** The most specific name of what a passage is about: its innermost heading, else its document's title. */
    static String topic(Passage p) {
        List<String> headings = p.headingPath();
        String topic = headings.isEmpty() ? p.title() : headings.getLast();
        return topic.strip().replaceAll("[\\s:.?]+$", "");
    }

    static String phrase(List<String> topics, String language) {
        String or = switch (language.toLowerCase(Locale.ROOT)) {
            case "de" -> " oder ";
            case "fr" -> " ou ";
            case "es" -> " o ";
            case "nl" -> " of ";
            default -> " or ";
        };
        String list = String.join(", ", topics.subList(0, topics.size() - 1)) + or + topics.getLast();
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "de" -> "Meinen Sie " + list + "?";
            case "fr" -> "Voulez-vous dire " + list + " ?";
            case "es" -> "¿Se refiere a " + list + "?";
            case "nl" -> "Bedoelt u " + list + "?";
            default -> "Do you mean " + list + "?";
        };
    }
}
