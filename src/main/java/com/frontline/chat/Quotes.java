package com.frontline.chat;

import com.frontline.shared.Links;
import com.frontline.shared.Sentences;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a passage reaches a customer. A citation shows the sentences the answer used (not the whole passage, which
 * may hold more than the answer needs, such as an internal note next to the quoted rule), and sentences that link to
 * websites other than the workspace's own never reach the answerer, so they are never quoted (a planted "reset your
 * password at http://phish.example").
 */
final class Quotes {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");
    private static final Pattern CITATION = Pattern.compile("\\[\\d{1,3}]");
    /** A sentence counts as used when this share of its words is in the answer (a verbatim quote scores 1). */
    static final double USED = 0.6;

    private Quotes() {
    }

    /** The text without its sentences that link to hosts outside {@code allowedOrigins}; everything else as written. */
    static String withoutForeignLinks(String text, List<String> allowedOrigins) {
        if (Links.hosts(text).isEmpty()) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(text);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String sentence = text.substring(start, end);
            if (Links.foreignHosts(sentence, allowedOrigins).isEmpty()) {
                kept.append(sentence);
            }
        }
        return kept.toString();
    }

    /**
     * The passage's sentences the answer used, in passage order, at most {@code max} characters; when the answer
     * quotes none of them (a model paraphrasing), the one sharing most words with it.
     */
    static String quoted(String passage, String answer, int max) {
        List<String> sentences = sentences(passage);
        if (sentences.isEmpty()) {
            return "";
        }
        Set<String> answerWords = words(CITATION.matcher(answer).replaceAll(" "));
        List<String> used = new ArrayList<>();
        int length = 0;
        String best = sentences.getFirst();
        double bestShare = -1;
        for (String sentence : sentences) {
            double share = share(sentence, answerWords);
            if (share > bestShare) {
                best = sentence;
                bestShare = share;
            }
            if (share >= USED && length + sentence.length() + 1 <= max) {
                used.add(sentence);
                length += sentence.length() + 1;
            }
        }
        String quote = used.isEmpty() ? best : String.join(" ", used);
        return cut(quote, max);
    }

    private static double share(String sentence, Set<String> answerWords) {
        Set<String> words = words(sentence);
        if (words.isEmpty()) {
            return 0;
        }
        long found = words.stream().filter(answerWords::contains).count();
        return (double) found / words.size();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** The text's sentences; a line break ends one too, so that a heading is never glued to the text below it. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\n")) {
            out.addAll(Sentences.of(line));
        }
        return out;
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = text.lastIndexOf(' ', max - 1);
        return text.substring(0, space > max / 2 ? space : max - 1) + "…";
    }
}
