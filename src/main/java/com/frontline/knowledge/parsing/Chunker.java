package com.frontline.knowledge.parsing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Packs a document's blocks into chunks that follow its structure:
 * <ul>
 *   <li>consecutive blocks under the same heading path share a chunk up to {@code maxChars}; a new path starts a
 *   new chunk, so a chunk never mixes sections and its {@code headingPath} is exact for citations;</li>
 *   <li>a heading with nothing under it before its first subheading (a lead-in) joins the chunk of that
 *   subsection, instead of becoming a chunk of one line; headings with no text at all under them (a heading
 *   followed by a sibling heading, or at the end) make no chunk, since their words are in the paths already;</li>
 *   <li>a block longer than {@code maxChars} is split at sentence ends (then at spaces, then anywhere), each piece
 *   after the first repeating about {@code overlapChars} of the previous one, so that a sentence cut from its
 *   context still has some;</li>
 *   <li>Q&amp;A blocks are one chunk each, split only when longer than {@code maxChars}.</li>
 * </ul>
 * Chunk text is the document's own text (blocks joined by blank lines, list items and table rows by line breaks);
 * nothing is prepended. The output depends only on the input, so re-chunking an unchanged document reproduces the
 * same chunks and hashes.
 */
public final class Chunker {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…。])[\"'”’)\\]]*\\s+|\\n+");

    private final int maxChars;
    private final int overlapChars;

    public Chunker(int maxChars, int overlapChars) {
        if (maxChars < 50) {
            throw new IllegalArgumentException("maxChars must be at least 50: " + maxChars);
        }
        if (overlapChars < 0 || overlapChars > maxChars / 2) {
            throw new IllegalArgumentException("overlapChars must be between 0 and maxChars / 2: " + overlapChars);
        }
        this.maxChars = maxChars;
        this.overlapChars = overlapChars;
    }

    /**
     * About 1,200 characters (200–300 tokens, well inside MiniLM's 256-word-piece window for most prose, and a
     * readable citation) with 150 characters (a sentence or two) of overlap inside long blocks.
     */
    public static Chunker defaults() {
        return new Chunker(1_200, 150);
    }

    public int maxChars() {
        return maxChars;
    }

    public int overlapChars() {
        return overlapChars;
    }

    public List<Chunk> chunk(ParsedDocument document) {
        List<Piece> pieces = new ArrayList<>();
        List<String> path = null;
        StringBuilder text = new StringBuilder();
        BlockKind lastKind = null;
        boolean onlyHeadings = false;
        for (Block block : document.blocks()) {
            boolean samePath = block.headingPath().equals(path);
            boolean leadIn = onlyHeadings && path != null && isPrefix(path, block.headingPath());
            boolean fits = text.length() + separator(lastKind, block.kind()).length() + block.text().length()
                    <= maxChars;
            if ((samePath || leadIn) && fits && block.kind() != BlockKind.QUESTION_ANSWER
                    && lastKind != BlockKind.QUESTION_ANSWER) {
                text.append(separator(lastKind, block.kind())).append(block.text());
                path = block.headingPath();
                lastKind = block.kind();
                onlyHeadings &= block.kind() == BlockKind.HEADING;
                continue;
            }
            if (!text.isEmpty() && !onlyHeadings) {
                pieces.add(new Piece(path, text.toString()));
            }
            text.setLength(0);
            path = block.headingPath();
            if (block.text().length() > maxChars) {
                for (String part : split(block.text())) {
                    pieces.add(new Piece(path, part));
                }
                lastKind = null;
                onlyHeadings = false;
            } else {
                text.append(block.text());
                lastKind = block.kind();
                onlyHeadings = block.kind() == BlockKind.HEADING;
            }
        }
        if (!text.isEmpty() && !onlyHeadings) {
            pieces.add(new Piece(path, text.toString()));
        }
        List<Chunk> chunks = new ArrayList<>(pieces.size());
        for (Piece piece : pieces) {
            chunks.add(new Chunk(chunks.size(), piece.path(), piece.text(), contentHash(piece.text())));
        }
        return chunks;
    }

    private record Piece(List<String> path, String text) {
    }

    private static boolean isPrefix(List<String> prefix, List<String> path) {
        return path.size() > prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private static String separator(BlockKind previous, BlockKind next) {
        if (previous == null) {
            return "";
        }
        boolean tight = previous == next && (next == BlockKind.LIST_ITEM || next == BlockKind.TABLE_ROW);
        return tight ? "\n" : "\n\n";
    }

    /** SHA-256 hex of the NFC, whitespace-collapsed text: re-wrapped or re-indented text hashes the same. */
    public static String contentHash(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(Texts.forHash(text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }

    // ---- Splitting long blocks ---------------------------------------------------------------------------------

    /**
     * Splits into units (sentences; the words of an overlong sentence; slices of an overlong word), then packs units
     * greedily. Pieces are spans of the original text, so line breaks inside code or answers survive. Each piece
     * after the first starts with the trailing units of the previous piece that fit in {@code overlapChars} (or its
     * trailing words when the last unit alone is longer), as long as the piece stays within {@code maxChars}.
     */
    List<String> split(String text) {
        List<Span> units = new ArrayList<>();
        for (Span sentence : sentences(text)) {
            if (sentence.length() <= maxChars) {
                units.add(sentence);
            } else {
                words(text, sentence, units);
            }
        }
        List<String> pieces = new ArrayList<>();
        int first = 0;
        int start = units.isEmpty() ? 0 : units.getFirst().start();
        for (int i = 1; i <= units.size(); i++) {
            if (i < units.size() && units.get(i).end() - start <= maxChars) {
                continue;
            }
            int end = units.get(i - 1).end();
            pieces.add(text.substring(start, end));
            if (i == units.size()) {
                break;
            }
            int overlapStart = overlapStart(text, units, first, i, units.get(i).end());
            start = overlapStart >= 0 ? overlapStart : units.get(i).start();
            first = i;
        }
        return pieces;
    }

    private record Span(int start, int end) {
        int length() {
            return end - start;
        }
    }

    /**
     * Where the next piece starts so that it repeats the end of the previous piece (units {@code from} to
     * {@code to - 1}): at the earliest trailing unit within the overlap budget, else at a word boundary within it;
     * -1 when no overlap fits beside the next unit (ending at {@code nextEnd}).
     */
    private int overlapStart(String text, List<Span> units, int from, int to, int nextEnd) {
        if (overlapChars == 0) {
            return -1;
        }
        int previousEnd = units.get(to - 1).end();
        int earliest = Math.max(previousEnd - overlapChars, nextEnd - maxChars);
        for (int u = from; u < to; u++) {
            if (units.get(u).start() >= earliest && u > from) {
                return units.get(u).start();
            }
        }
        for (int i = Math.max(earliest, units.get(from).start() + 1); i < previousEnd; i++) {
            if (Character.isWhitespace(text.charAt(i - 1)) && !Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<Span> sentences(String text) {
        List<Span> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text);
        int start = 0;
        while (end.find()) {
            addTrimmed(text, start, end.start(), sentences);
            start = end.end();
        }
        addTrimmed(text, start, text.length(), sentences);
        return sentences;
    }

    private static void addTrimmed(String text, int start, int end, List<Span> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            out.add(new Span(start, end));
        }
    }

    private void words(String text, Span sentence, List<Span> out) {
        Matcher word = Pattern.compile("\\S+").matcher(text).region(sentence.start(), sentence.end());
        while (word.find()) {
            int start = word.start();
            while (start < word.end()) {
                int end = Math.min(word.end(), start + maxChars);
                // Never cut a surrogate pair in half.
                if (end < word.end() && Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--;
                }
                out.add(new Span(start, end));
                start = end;
            }
        }
    }
}
