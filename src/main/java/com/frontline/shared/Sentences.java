package com.frontline.shared;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splitting text into sentences by the JDK's sentence rules, the one way every module does it. */
public final class Sentences {

    private Sentences() {
    }

    /** The sentences of one stretch of text, its white space flattened, each stripped; none empty. */
    public static List<String> of(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        List<String> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(flat);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String sentence = flat.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                out.add(sentence);
            }
        }
        return out;
    }
}
