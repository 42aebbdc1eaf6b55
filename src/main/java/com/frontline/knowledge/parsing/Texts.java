package com.frontline.knowledge.parsing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.regex.Pattern;

/** Text decoding and whitespace normalisation shared by the extractors and the chunker. */
final class Texts {

    private static final Pattern HORIZONTAL_WHITESPACE = Pattern.compile("[\\h\\x0B\\f]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Texts() {
    }

    /**
     * One line of prose: every whitespace run (including no-break spaces) becomes one space, invisible characters
     * go. A hand-written loop, because this runs over every character of every document and of every chunk hash,
     * and the equivalent regular expressions were ten times slower.
     */
    static String inline(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = true;
            } else if (!isInvisible(c)) {
                if (pendingSpace && !out.isEmpty()) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u0085';
    }

    /** Control characters other than whitespace, plus the zero-width and BOM characters editors leave behind. */
    private static boolean isInvisible(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u200B' || c == '\u200C' || c == '\u200D'
                || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    private static String stripInvisible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t' || !isInvisible(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Keeps line breaks (at most one blank line in a row) and leading indentation, which carry meaning in code and
     * in multi-line answers; collapses whitespace runs inside lines and trims line ends.
     */
    static String keepLines(String text) {
        String cleaned = stripInvisible(text.replace("\r\n", "\n").replace('\r', '\n'));
        StringBuilder out = new StringBuilder(cleaned.length());
        for (String line : cleaned.split("\n", -1)) {
            int indent = 0;
            while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
                indent++;
            }
            String rest = HORIZONTAL_WHITESPACE.matcher(line.substring(indent)).replaceAll(" ").stripTrailing();
            if (!rest.isEmpty()) {
                out.append(line, 0, indent).append(rest);
            }
            out.append('\n');
        }
        String joined = BLANK_LINES.matcher(out).replaceAll("\n\n");
        return stripBlankLines(joined);
    }

    private static String stripBlankLines(String text) {
        int start = 0;
        while (start < text.length() && text.charAt(start) == '\n') {
            start++;
        }
        return text.substring(start).stripTrailing();
    }

    /** The text a content hash is computed over: NFC, whitespace runs collapsed, so re-wrapped text hashes alike. */
    static String forHash(String text) {
        return inline(Normalizer.normalize(text, Normalizer.Form.NFC));
    }

    /**
     * Decodes a text upload. Byte order marks win; otherwise strict UTF-8, and Windows-1252 when the bytes are not
     * UTF-8, because that is what Excel on Windows writes for "CSV" in Western European locales.
     */
    static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
