package com.frontline.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers an answer's citations 1, 2, 3… in the order the text first cites them, whatever the numbers of the
 * passages they point to: "[1] … [3] … [4]" reads as "[1] … [2] … [3]". A marker of a passage that was not
 * cited (a model citing a source it was not given) is left as written and ignored.
 */
final class CitationNumbers {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)]");

    /**
     * @param text    the answer with the passage numbers it cites
     * @param sources the passage numbers cited, in order of first citation
     */
    record Renumbered(String text, List<Integer> sources) {

        /** The number the answer now shows for the passage that was {@code source}. */
        int numberOf(int source) {
            return sources.indexOf(source) + 1;
        }
    }

    private CitationNumbers() {
    }

    static Renumbered renumber(String text, List<Integer> cited) {
        Map<Integer, Integer> numbers = new LinkedHashMap<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            for (String n : m.group(1).split(",")) {
                int source = Integer.parseInt(n.strip());
                if (cited.contains(source)) {
                    numbers.putIfAbsent(source, numbers.size() + 1);
                }
            }
        }
        for (int source : cited) {
            numbers.putIfAbsent(source, numbers.size() + 1); // cited without a marker in the text
        }
        StringBuilder out = new StringBuilder();
        m.reset();
        while (m.find()) {
            List<String> parts = new ArrayList<>();
            for (String n : m.group(1).split(",")) {
                Integer number = numbers.get(Integer.parseInt(n.strip()));
                parts.add(number == null ? n.strip() : number.toString());
            }
            m.appendReplacement(out, Matcher.quoteReplacement("[" + String.join(", ", parts) + "]"));
        }
        m.appendTail(out);
        return new Renumbered(out.toString(), List.copyOf(numbers.keySet()));
    }
}
