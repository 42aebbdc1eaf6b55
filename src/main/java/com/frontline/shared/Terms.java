package com.frontline.shared;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words, content terms and light stemming for matching a question against sentences and for the complexity score.
 * <p>
 * The stemmer is hand-written: both sides of every comparison go through the same few suffix rules, so it only has
 * to conflate plurals and verb forms consistently ("refunds", "refunded", "refunding" → "refund"). Lucene's
 * analysers would do it with two jars of several MB the app does not otherwise need.
 */
public final class Terms {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");

    /** English function words, greetings and question words: they say nothing about what a passage is about. */
    static final Set<String> STOPWORDS = Set.of(
            "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
            "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
            "does", "doing", "done", "down", "during", "each", "either", "else", "even", "ever", "every", "few", "for",
            "from", "further", "get", "gets", "getting", "got", "had", "has", "have", "having", "he", "hello", "her",
            "here", "hers", "hey", "hi", "him", "his", "how", "i", "i'm", "if", "in", "into", "is", "it", "it's", "its",
            "just", "let", "like", "may", "me", "might", "more", "most", "much", "must", "my", "need", "no", "nor",
            "not", "now", "of", "off", "ok", "okay", "on", "once", "one", "only", "or", "other", "our", "ours", "out",
            "over", "own", "please", "same", "shall", "she", "should", "so", "some", "such", "than", "thank", "thanks",
            "that", "that's", "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those",
            "through", "to", "too", "under", "until", "up", "us", "very", "want", "was", "we", "were", "what",
            "what's", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "yes", "yet",
            "you", "your", "yours", "yourself", "don't", "doesn't", "can't", "i've", "you're", "we're", "there's");

    private Terms() {
    }

    /** Lower-case words (letters and digits, with an inner apostrophe kept). */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** The stems of the words that carry meaning, in order of first appearance. */
    public static Set<String> contentStems(String text) {
        Set<String> stems = new LinkedHashSet<>();
        for (String w : words(text)) {
            if (isContent(w)) {
                stems.add(stem(w));
            }
        }
        return stems;
    }

    public static boolean isContent(String word) {
        return !STOPWORDS.contains(word) && (word.length() > 1 || Character.isDigit(word.charAt(0)));
    }

    /** A light English stemmer: plural, past and progressive endings, -ly, and a final e. */
    public static String stem(String word) {
        String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        if (w.length() < 3 || !w.chars().allMatch(Character::isLetter)) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("sses")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("ing") && w.length() > 4) {
            w = undouble(w.substring(0, w.length() - 3));
        } else if (w.endsWith("ied") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("ed") && w.length() > 3) {
            w = undouble(w.substring(0, w.length() - 2));
        } else if (w.endsWith("es") && w.length() > 4 && (w.endsWith("ches") || w.endsWith("shes")
                || w.endsWith("xes") || w.endsWith("zes"))) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        } else if (w.endsWith("ly") && w.length() > 5) {
            w = w.substring(0, w.length() - 2);
        }
        if (w.endsWith("e") && w.length() >= 3) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String undouble(String w) {
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsz".indexOf(w.charAt(n - 1)) < 0
                && "aeiou".indexOf(w.charAt(n - 1)) < 0) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
