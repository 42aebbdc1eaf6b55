package com.frontline.knowledge.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text and pasted text. Paragraphs are separated by blank lines. A paragraph that is a single line becomes a
 * heading when it is
 * <ul>
 *   <li>a Markdown-style {@code # Heading} (level = number of {@code #}), or</li>
 *   <li>numbered like {@code 1. Scope} or {@code 2.3 Returns} and followed by text (level = number of parts), or</li>
 *   <li>in CAPITALS (level 1), or</li>
 *   <li>short (at most 80 characters), without closing punctuation and followed by text: one level below the last
 *   heading of the kinds above, so that "RETURNS" then "Damaged items" nests as expected.</li>
 * </ul>
 * A {@code #}, numbered or capitals line on top of a multi-line paragraph is also split off as its heading, and so
 * is a short title line without closing punctuation right above a line that starts a new sentence. Lines
 * starting with {@code -}, {@code *} or {@code •} are list items; lines that follow an item without a marker continue
 * it. The rules are deliberately few: a heuristic a user can predict beats a clever one they cannot.
 */
final class PlainTextExtractor {

    static final int MAX_HEADING_CHARS = 80;
    /** A title line directly above its text has at most this many words. */
    static final int MAX_TITLE_WORDS = 12;
    /** Words a line does not end on when the sentence continues on the next line. */
    private static final java.util.Set<String> CONTINUING = java.util.Set.of("a", "an", "the", "to", "of", "in", "on",
            "at", "for", "with", "by", "from", "and", "or", "but", "as", "is", "are", "was", "were", "be", "that",
            "which", "who", "your", "our", "their", "its", "his", "her", "my", "this", "these", "those", "if", "than",
            "into", "onto", "per", "via", "&");

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[\\h\\x0B\\f]*\\n");
    private static final Pattern ATX_HEADING = Pattern.compile("^(#{1,6})\\h+(.+?)(?:\\h+#+)?\\h*$");
    private static final Pattern NUMBERED_HEADING = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3}){0,5})\\.?\\h+(\\S.*)$");
    private static final Pattern BULLET = Pattern.compile("^\\h*(?:[-*•‣◦▪]|\\d{1,3}[.)])\\h+(\\S.*)$");
    private static final Pattern CLOSING_PUNCTUATION = Pattern.compile("[.!?:;,…]$");

    private PlainTextExtractor() {
    }

    /**
     * @param title         the document title when {@code titleIsGiven} (pasted text names its own), else the
     *                      fallback behind the first heading (uploads, where it comes from the file name)
     */
    static ParsedDocument extract(String text, String title, boolean titleIsGiven, Budget budget)
            throws DocumentRejectedException {
        BlockCollector out = new BlockCollector(budget);
        List<List<String>> groups = groups(text);
        int explicitLevel = 0;
        for (int i = 0; i < groups.size(); i++) {
            List<String> lines = groups.get(i);
            boolean followedByText = i + 1 < groups.size() && !isHeadingCandidate(groups.get(i + 1));
            int consumed = 0;
            String first = lines.getFirst();
            // "1. Scope" over text is a heading; "1. Milk" over "2. Eggs" is a list.
            Heading heading = explicitHeading(first, lines.size() == 1 ? followedByText
                    : !BULLET.matcher(lines.get(1)).matches());
            if (heading != null) {
                out.heading(heading.level(), heading.text());
                explicitLevel = heading.level();
                consumed = 1;
            } else if (lines.size() == 1 && followedByText && isPlainHeading(first)
                    || lines.size() > 1 && isPlainHeading(first) && isTitleOver(first, lines.get(1))) {
                out.heading(explicitLevel + 1, first);
                consumed = 1;
            }
            // "# Heading" lines count anywhere, also without blank lines around them (pasted Markdown).
            int from = consumed;
            for (int l = consumed; l < lines.size(); l++) {
                Matcher atx = ATX_HEADING.matcher(lines.get(l).strip());
                if (atx.matches()) {
                    emitBody(lines.subList(from, l), out);
                    out.heading(atx.group(1).length(), atx.group(2));
                    explicitLevel = atx.group(1).length();
                    from = l + 1;
                }
            }
            emitBody(lines.subList(from, lines.size()), out);
        }
        // a given title (pasted text) wins; an upload is named by its first heading (a short heading-like first line)
        String fallback = title.isBlank() ? "Untitled document" : title;
        String chosen = titleIsGiven ? fallback : DocumentTitles.choose(fallback, out.firstHeading());
        return out.finish(chosen, DocumentType.TEXT);
    }

    private record Heading(int level, String text) {
    }

    private static List<List<String>> groups(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        List<List<String>> groups = new ArrayList<>();
        for (String block : BLANK_LINE.split(normalised)) {
            List<String> lines = new ArrayList<>();
            for (String line : block.split("\n")) {
                String stripped = line.strip();
                if (!stripped.isEmpty()) {
                    lines.add(line.stripTrailing());
                }
            }
            if (!lines.isEmpty()) {
                groups.add(lines);
            }
        }
        return groups;
    }

    private static boolean isHeadingCandidate(List<String> lines) {
        return lines.size() == 1 && (explicitHeading(lines.getFirst(), true) != null
                || isPlainHeading(lines.getFirst()));
    }

    /** {@code #} headings always count; numbered ones only above text, so that "1. Buy milk" alone stays a list. */
    private static Heading explicitHeading(String rawLine, boolean followedByText) {
        String line = rawLine.strip();
        Matcher atx = ATX_HEADING.matcher(line);
        if (atx.matches()) {
            return new Heading(atx.group(1).length(), atx.group(2));
        }
        if (line.length() > MAX_HEADING_CHARS || CLOSING_PUNCTUATION.matcher(line).find()) {
            return null;
        }
        Matcher numbered = NUMBERED_HEADING.matcher(line);
        if (numbered.matches() && followedByText && Character.isLetter(numbered.group(2).codePointAt(0))) {
            return new Heading(numbered.group(1).split("\\.").length, line);
        }
        if (isAllCaps(line)) {
            return new Heading(1, line);
        }
        return null;
    }

    private static boolean isPlainHeading(String rawLine) {
        String line = rawLine.strip();
        return line.length() <= MAX_HEADING_CHARS
                && !CLOSING_PUNCTUATION.matcher(line).find()
                && !BULLET.matcher(line).matches()
                && Character.isLetterOrDigit(line.codePointAt(0));
    }

    /**
     * A short line right above text, without a blank line between ("Oral argument\nYou may ask…"), is a title when
     * the text below starts a new sentence and the line does not stop on a word that needs more ("We ship to\n
     * Germany and France." is one hard-wrapped sentence).
     */
    private static boolean isTitleOver(String rawLine, String next) {
        String line = rawLine.strip();
        String below = next.strip();
        if (below.isEmpty() || !(Character.isUpperCase(below.codePointAt(0)) || BULLET.matcher(next).matches())) {
            return false;
        }
        String[] words = line.split("\\s+");
        String last = words[words.length - 1].toLowerCase(java.util.Locale.ROOT);
        return words.length <= MAX_TITLE_WORDS && !CONTINUING.contains(last);
    }

    private static boolean isAllCaps(String line) {
        int letters = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 3 && !BULLET.matcher(line).matches();
    }

    private static void emitBody(List<String> lines, BlockCollector out) {
        StringBuilder paragraph = new StringBuilder();
        StringBuilder item = null;
        for (String line : lines) {
            Matcher bullet = BULLET.matcher(line);
            if (bullet.matches()) {
                flush(paragraph, out);
                if (item != null) {
                    out.listItem(item.toString());
                }
                item = new StringBuilder(bullet.group(1));
            } else if (item != null) {
                item.append(' ').append(line.strip());
            } else {
                paragraph.append(line.strip()).append(' ');
            }
        }
        if (item != null) {
            out.listItem(item.toString());
        }
        flush(paragraph, out);
    }

    private static void flush(StringBuilder paragraph, BlockCollector out) {
        if (!paragraph.isEmpty()) {
            out.paragraph(paragraph.toString());
            paragraph.setLength(0);
        }
    }
}
