package com.frontline.accounts.importing;

import com.frontline.shared.FileKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decides what a file is from its bytes, never from its name: a PDF renamed to .xlsx or a workbook renamed to .csv is
 * recognised for what it is.
 */
final class FileSniffer {

    enum Kind { ZIP, TEXT }

    /** What the first bytes say, plus for text the charset and the length of the byte order mark. */
    record Sniffed(Kind kind, Charset charset, int bomLength) {
    }

    static final int SAMPLE_BYTES = 64 * 1024;

    private FileSniffer() {
    }

    static Sniffed sniff(Path file, String originalFilename) throws IOException, ImportRejectedException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE_BYTES);
        }
        if (head.length == 0 || isAllWhitespace(head)) {
            throw new ImportRejectedException("The file is empty; export the KPI data again or download a template.");
        }
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            return new Sniffed(Kind.ZIP, StandardCharsets.UTF_8, 0);
        }
        if (startsWith(head, 0x50, 0x4B, 0x05, 0x06)) {
            throw new ImportRejectedException("The workbook is empty (an empty zip archive); save it again in Excel "
                    + "with the KPI sheet filled in.");
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            // Old .xls workbooks are refused rather than parsed: HSSF reads them whole into memory and they are the
            // usual carrier of legacy macros. Re-saving takes the user seconds.
            throw NotASpreadsheet.of(FileKind.of(file), originalFilename);
        }
        FileKind kind = FileKind.of(file);
        if (kind != FileKind.OTHER) {
            throw NotASpreadsheet.of(kind, originalFilename);
        }
        refuseMarkup(head, originalFilename);

        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return text(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return text(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return text(StandardCharsets.UTF_16BE, 2);
        }
        // UTF-16 without a BOM: ASCII text then has a NUL in every other byte.
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                if (i % 2 == 0) {
                    evenNuls++;
                } else {
                    oddNuls++;
                }
            }
        }
        int half = head.length / 2;
        if (oddNuls > half * 0.6 && evenNuls == 0) {
            return text(StandardCharsets.UTF_16LE, 0);
        }
        if (evenNuls > half * 0.6 && oddNuls == 0) {
            return text(StandardCharsets.UTF_16BE, 0);
        }
        if (evenNuls + oddNuls > 0 || controlShare(head) > 0.01) {
            throw notSupported(originalFilename);
        }
        return text(isUtf8(head) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252"), 0);
    }

    private static Sniffed text(Charset charset, int bom) {
        return new Sniffed(Kind.TEXT, charset, bom);
    }

    private static void refuseMarkup(byte[] head, String originalFilename) throws ImportRejectedException {
        String start = new String(head, 0, Math.min(head.length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<?xml") || start.startsWith("<html") || start.startsWith("<!doctype")) {
            throw new ImportRejectedException("The file is XML or HTML, not a spreadsheet" + renamed(originalFilename)
                    + "; save it from Excel as .xlsx or CSV and upload that file.");
        }
    }

    private static ImportRejectedException notSupported(String originalFilename) {
        return new ImportRejectedException("This type of file is not supported" + renamed(originalFilename)
                + "; upload an .xlsx workbook or a CSV file (a template is available to download).");
    }

    private static String renamed(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".csv") || lower.endsWith(".xls")
                ? " even though its name ends in " + lower.substring(lower.lastIndexOf('.'))
                : "";
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllWhitespace(byte[] data) {
        for (byte b : data) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        // A BOM alone is also empty, but it is not whitespace; the CSV path reports "no rows" for it.
        return data.length < SAMPLE_BYTES;
    }

    private static double controlShare(byte[] data) {
        int control = 0;
        for (byte b : data) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n' && b != '\f') {
                control++;
            }
        }
        return (double) control / data.length;
    }

    private static boolean isUtf8(byte[] head) {
        // The sample may end inside a multi-byte character: drop up to three trailing bytes before deciding.
        for (int cut = 0; cut <= 3 && cut < head.length; cut++) {
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Arrays.copyOf(head, head.length - cut)));
                return true;
            } catch (CharacterCodingException e) {
                if (head.length < SAMPLE_BYTES) {
                    return false;
                }
            }
        }
        return false;
    }
}
