package com.frontline.chat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How sure the assistant may be of an answer, from 0 to 1: the retrieval strength (the best passage's absolute
 * relevance to the question) weighed with the grounding (the share of the answer's content words that occur in the
 * sources it was given). An empty answer or an answer without sources scores 0. The formula is shown to admins on the
 * Handoff settings page.
 */
public final class Confidence {

    static final double RETRIEVAL_WEIGHT = 0.7;
    static final double GROUNDING_WEIGHT = 0.3;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");
    private static final Pattern CITATION = Pattern.compile("\\[\\d+]");
    private static final Set<String> STOPWORDS = Set.of("the", "and", "for", "are", "you", "your", "our", "with",
            "that", "this", "from", "have", "has", "can", "will", "not", "but", "all", "any", "was", "were", "been",
            "they", "them", "their", "there", "here", "what", "when", "which", "who", "how", "why", "into", "out",
            "about", "would", "could", "should", "may", "might", "also", "just", "than", "then", "its", "it's",
            "yes", "please", "thanks", "thank", "hi", "hello", "sure", "let", "know", "help", "happy");

    private Confidence() {
    }

    /**
     * @param retrieval the best passage's relevance, 0–1
     * @param answer    the answer's text
     * @param sources   the texts the answer was composed from
     */
    public static double score(double retrieval, String answer, List<String> sources) {
        if (answer.isBlank() || sources.isEmpty()) {
            return 0;
        }
        double r = Math.clamp(retrieval, 0, 1);
        return RETRIEVAL_WEIGHT * r + GROUNDING_WEIGHT * grounding(answer, sources);
    }

    /** The share of the answer's content words found in the sources; 1 when it has none (pure phrasing). */
    static double grounding(String answer, List<String> sources) {
        Set<String> answerWords = words(CITATION.matcher(answer).replaceAll(" "));
        if (answerWords.isEmpty()) {
            return 1;
        }
        Set<String> sourceWords = new HashSet<>();
        sources.forEach(s -> sourceWords.addAll(words(s)));
        long found = answerWords.stream().filter(sourceWords::contains).count();
        return (double) found / answerWords.size();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (!STOPWORDS.contains(w)) {
                words.add(w.length() > 4 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
            }
        }
        return words;
    }
}
