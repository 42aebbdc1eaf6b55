package com.frontline.knowledge.parsing;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A document's title, shown to customers in citations: the document's own (metadata title, first heading) when it is
 * a real one, else a cleaned file name in its original case ("Refund-Policy_v2.pdf" becomes "Refund Policy v2").
 */
public final class DocumentTitles {

    static final int MAX_LENGTH = 150;

    /** Titles editors leave behind: "Untitled", "Document1", "Microsoft Word - x.docx", "Slide 1", "title". */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)^(untitled( document)?|new document|document ?\\d*|"
            + "doc ?\\d*|book ?\\d*|presentation ?\\d*|slide ?\\d+|title|page ?\\d+|no title|none|n/?a|"
            + "microsoft (word|powerpoint|excel) - .*|.*\\.(docx?|pdf|txt|html?|md|rtf|odt|pages))$");

    private DocumentTitles() {
    }

    /** The first candidate that is a real title, cleaned; {@code fallback} (a cleaned file name) when none is. */
    static String choose(String fallback, @Nullable String... candidates) {
        for (String candidate : candidates) {
            String cleaned = clean(candidate);
            if (cleaned != null) {
                return cleaned;
            }
        }
        return fallback;
    }

    /** One line, at most {@link #MAX_LENGTH} characters (cut at a word); null for a placeholder or an empty text. */
    static @Nullable String clean(@Nullable String candidate) {
        if (candidate == null) {
            return null;
        }
        String title = Texts.inline(candidate).replaceAll("^[#*_\\s]+|[*_\\s:]+$", "").strip();
        if (title.isEmpty() || PLACEHOLDER.matcher(title).matches() || title.chars().noneMatch(Character::isLetter)) {
            return null;
        }
        if (title.length() > MAX_LENGTH) {
            int cut = title.lastIndexOf(' ', MAX_LENGTH - 1);
            title = title.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1) + "…";
        }
        return title;
    }

    /**
     * "Refund-Policy_v2.pdf" becomes "Refund Policy v2": separators become spaces, the case stays as the file name
     * has it. Good enough when a document names nothing better.
     */
    public static String fromFilename(String filename) {
        String name = filename.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0 && name.length() - dot <= 6) {
            name = name.substring(0, dot);
        }
        String title = Texts.inline(name.replace('_', ' ').replace('-', ' ').replace('+', ' '));
        if (title.isEmpty()) {
            return "Untitled document";
        }
        return title.length() > MAX_LENGTH ? title.substring(0, MAX_LENGTH - 1) + "…"
                : title.toLowerCase(Locale.ROOT).equals(title) && !title.isEmpty()
                ? title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1) : title;
    }
}
