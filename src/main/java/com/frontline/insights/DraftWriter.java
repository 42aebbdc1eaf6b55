package com.frontline.insights;

import com.frontline.shared.Sentences;
import com.frontline.shared.Terms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes an article draft from a cluster without a language model: it copies the sentences of the sources (agents'
 * replies to the cluster's questions, approved corrections of them) that share the most content words with the
 * questions, in the order of the sources, without repeats. Nothing is invented, so every sentence can be traced.
 */
public final class DraftWriter {

    public static final String EXTRACTIVE = "extractive (no language model): sentences copied from agents' replies "
            + "and approved corrections";
    static final int MAX_SENTENCES = 8;

    private DraftWriter() {
    }

    /** A text the draft may copy from, and where it came from ("agent reply", "approved correction"). */
    public record Source(String kind, String text) {
    }

    public record Written(String title, String body) {
    }

    public static Written write(String label, List<String> questions, List<Source> sources) {
        Set<String> asked = new HashSet<>();
        for (String q : questions) {
            asked.addAll(Terms.contentStems(q));
        }
        record Candidate(int order, String sentence, long overlap) {
        }
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int order = 0;
        for (Source s : sources) {
            for (String sentence : Sentences.of(s.text())) {
                String key = normalise(sentence);
                if (key.isEmpty() || !seen.add(key)) {
                    continue;
                }
                long overlap = Terms.contentStems(sentence).stream().filter(asked::contains).count();
                candidates.add(new Candidate(order++, sentence.strip(), overlap));
            }
        }
        // the best sentences, in source order; with no overlap at all, the sources' own first sentences
        List<Candidate> chosen = candidates.stream()
                .sorted(Comparator.comparingLong(Candidate::overlap).reversed().thenComparingInt(Candidate::order))
                .limit(MAX_SENTENCES)
                .sorted(Comparator.comparingInt(Candidate::order))
                .toList();
        StringBuilder body = new StringBuilder();
        for (Candidate c : chosen) {
            body.append(body.isEmpty() ? "" : " ").append(c.sentence());
        }
        return new Written(title(label), body.toString());
    }

    /** The cluster's label as a title: one line, at most 120 characters. */
    static String title(String label) {
        String t = label.strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            return "Untitled";
        }
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.length() <= 120 ? t : t.substring(0, 119).strip() + "…";
    }

    /** A sentence compared without case, spacing or end punctuation. */
    static String normalise(String sentence) {
        return sentence.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}]+", " ").strip();
    }

    /** Every sentence of the sources, normalised. */
    static Set<String> sentencesOf(List<Source> sources) {
        Set<String> all = new LinkedHashSet<>();
        for (Source s : sources) {
            for (String sentence : Sentences.of(s.text())) {
                all.add(normalise(sentence));
            }
        }
        return all;
    }
}
