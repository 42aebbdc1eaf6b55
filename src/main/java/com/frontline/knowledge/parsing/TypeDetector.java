package com.frontline.knowledge.parsing;

import com.frontline.knowledge.parsing.DocumentRejectedException.Reason;
import com.frontline.shared.FileKind;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Decides a file's type from its bytes. Names lie (a PDF saved as {@code .txt}, an HTML export called {@code .md}),
 * so magic bytes, zip entries and text sniffing decide; the extension only breaks ties between text formats that the
 * content cannot tell apart (plain text versus Markdown).
 */
final class TypeDetector {

    static final int HEAD_BYTES = 8192;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    /** The PDF specification lets readers accept junk before the header; Acrobat looks at the first kilobyte. */
    private static final int PDF_MAGIC_WINDOW = 1024;

    private static final Set<String> MARKDOWN_EXTENSIONS = Set.of("md", "markdown", "mdown", "mkd", "mkdn");
    private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "text", "log");
    private static final Set<String> CSV_EXTENSIONS = Set.of("csv", "tsv");
    private static final Set<String> HTML_EXTENSIONS = Set.of("html", "htm", "xhtml");

    private static final Pattern HTML_BLOCK_TAG = Pattern.compile(
            "<(p|div|h[1-6]|ul|ol|li|table|tr|td|section|article|main|span|a|br|strong|em)\\b[^>]*>");
    private static final Pattern MARKDOWN_SIGNAL = Pattern.compile(
            "(?m)^(#{1,6} \\S|```|~~~|[-*+] \\S|\\d+\\. \\S|> \\S|=+\\s*$|-{3,}\\s*$)|\\[[^]\\n]+]\\([^)\\s]+\\)");

    private TypeDetector() {
    }

    static DocumentType detect(Path file, String filename) throws DocumentRejectedException {
        byte[] head = readHead(file);
        if (head.length == 0) {
            throw new DocumentRejectedException(Reason.NO_TEXT, "The file is empty.");
        }
        if (indexOf(head, PDF_MAGIC, PDF_MAGIC_WINDOW) >= 0) {
            return DocumentType.PDF;
        }
        if (Texts.startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw inspectOle2(file);
        }
        if (Texts.startsWith(head, 'P', 'K', 3, 4) || Texts.startsWith(head, 'P', 'K', 5, 6)) {
            return inspectZip(file);
        }
        rejectKnownBinary(head);
        if (looksBinary(head)) {
            throw unsupported("This file is not a text document.");
        }
        return sniffText(Texts.decode(head), extension(filename));
    }

    private static byte[] readHead(Path file) throws DocumentRejectedException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw new DocumentRejectedException(Reason.CORRUPT, "The file could not be read.", e);
        }
    }

    /** OLE2 is the container of legacy Office files and also of password-protected .docx files. */
    private static DocumentRejectedException inspectOle2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
                return new DocumentRejectedException(Reason.ENCRYPTED, "This Word document is password-protected. "
                        + "Remove the password (File > Info > Protect Document) and upload it again.");
            }
            if (root.hasEntryCaseInsensitive("WordDocument")) {
                return new DocumentRejectedException(Reason.LEGACY_FORMAT, "Old Word documents (.doc) are not "
                        + "supported. Open the file in Word and use File > Save As > Word Document (.docx).");
            }
        } catch (IOException | RuntimeException e) {
            return unsupported("This looks like an old Microsoft Office file, which is not supported.");
        }
        return unsupported(whatItIs(FileKind.of(file)));
    }

    /** "This file is an OpenDocument text document (…): save it as .docx or PDF and upload that." */
    static String whatItIs(FileKind kind) {
        String advice = switch (kind) {
            case ODT, PAGES, RTF -> "save it as a Word document (.docx) or PDF and upload that.";
            case ODP, PPT, PPTX, KEYNOTE -> "presentations are not supported; save it as PDF and upload that.";
            case ODS, XLS, XLSX, XLSM, XLSB, NUMBERS -> "spreadsheets are not read as documents. To import FAQs, save "
                    + "the sheet as CSV with a question and an answer column.";
            case EPUB -> "e-books are not supported; upload the text as PDF, Word or plain text.";
            case ZIP, ARCHIVE -> "archives are not supported; upload the documents inside it one by one.";
            case IMAGE -> "images cannot be read: text recognition (OCR) is not supported.";
            default -> "this type of file is not supported.";
        };
        return "This file is " + kind.description() + ": " + advice;
    }

    private static DocumentType inspectZip(Path file) throws DocumentRejectedException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") != null) {
                if (zip.getEntry("word/document.xml") != null) {
                    if (zip.getEntry("word/vbaProject.bin") != null || declaresMacros(zip)) {
                        throw new DocumentRejectedException(Reason.MACROS, "Macro-enabled Word documents (.docm) "
                                + "are not accepted. Save the document as a plain Word document (.docx) and upload "
                                + "it again.");
                    }
                    return DocumentType.DOCX;
                }
            }
            throw unsupported(whatItIs(FileKind.of(file)));
        } catch (ZipException e) {
            throw new DocumentRejectedException(Reason.CORRUPT, "The file looks like a Word document or archive "
                    + "but is damaged.", e);
        } catch (IOException e) {
            throw new DocumentRejectedException(Reason.CORRUPT, "The file could not be read.", e);
        }
    }

    /** A .docm renamed to .docx still declares itself macro-enabled in its content types. */
    private static boolean declaresMacros(ZipFile zip) throws IOException {
        ZipEntry types = zip.getEntry("[Content_Types].xml");
        try (InputStream in = zip.getInputStream(types)) {
            String text = new String(in.readNBytes(1024 * 1024), StandardCharsets.UTF_8);
            return text.toLowerCase(Locale.ROOT).contains("macroenabled");
        }
    }

    private static void rejectKnownBinary(byte[] head) throws DocumentRejectedException {
        boolean image = Texts.startsWith(head, 0x89, 'P', 'N', 'G')
                || Texts.startsWith(head, 0xFF, 0xD8, 0xFF)
                || Texts.startsWith(head, 'G', 'I', 'F', '8')
                || Texts.startsWith(head, 'I', 'I', '*', 0)
                || Texts.startsWith(head, 'M', 'M', 0, '*')
                || (Texts.startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12
                && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP"))
                || (head.length >= 12 && new String(head, 4, 4, StandardCharsets.US_ASCII).equals("ftyp"));
        if (image) {
            throw unsupported("Images and videos cannot be read: text recognition (OCR) is not supported.");
        }
        boolean archive = Texts.startsWith(head, 0x1F, 0x8B)
                || Texts.startsWith(head, '7', 'z', 0xBC, 0xAF)
                || Texts.startsWith(head, 'R', 'a', 'r', '!')
                || Texts.startsWith(head, 'B', 'Z', 'h');
        if (archive) {
            throw unsupported("Compressed archives are not supported. Upload the documents inside it one by one.");
        }
        if (Texts.startsWith(head, '{', '\\', 'r', 't', 'f')) {
            throw unsupported("Rich Text (.rtf) is not supported. Save the document as .docx or PDF.");
        }
    }

    /**
     * NUL bytes or more than 1% control characters mean binary; UTF-16 text always carries a byte order mark when
     * Windows writes it, so it is let through on the mark.
     */
    static boolean looksBinary(byte[] head) {
        if (Texts.startsWith(head, 0xFF, 0xFE) || Texts.startsWith(head, 0xFE, 0xFF)) {
            return false;
        }
        int controls = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
                controls++;
            }
        }
        return controls * 100 > head.length;
    }

    private static DocumentType sniffText(String head, String extension) throws DocumentRejectedException {
        String start = head.stripLeading();
        String lower = start.toLowerCase(Locale.ROOT);
        if (looksLikeHtml(lower)) {
            return DocumentType.HTML;
        }
        if (lower.startsWith("<?xml") || lower.startsWith("<svg")) {
            throw unsupported("XML and SVG files are not supported.");
        }
        if (FaqCsvExtractor.findHeader(firstLine(start)) != null) {
            return DocumentType.FAQ_CSV;
        }
        if (CSV_EXTENSIONS.contains(extension)) {
            return DocumentType.FAQ_CSV;
        }
        if (MARKDOWN_EXTENSIONS.contains(extension)) {
            return DocumentType.MARKDOWN;
        }
        if (TEXT_EXTENSIONS.contains(extension)) {
            return DocumentType.TEXT;
        }
        if (HTML_EXTENSIONS.contains(extension)) {
            return DocumentType.HTML;
        }
        return countMatches(MARKDOWN_SIGNAL.matcher(head)) >= 2 ? DocumentType.MARKDOWN : DocumentType.TEXT;
    }

    /**
     * A document (doctype, html, head or body) is HTML whatever its name. A bare fragment counts only when it starts
     * with a tag, carries several HTML block tags and no Markdown headings or fences, because READMEs often open
     * with a {@code <p align="center">} banner.
     */
    private static boolean looksLikeHtml(String lower) {
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.startsWith("<head")
                || lower.startsWith("<body")) {
            return true;
        }
        if (!lower.startsWith("<")) {
            return false;
        }
        if (lower.startsWith("<!--") && (lower.contains("<html") || lower.contains("<!doctype html"))) {
            return true;
        }
        if (lower.contains("<body") || lower.contains("<head>")) {
            return true;
        }
        boolean markdownish = Pattern.compile("(?m)^(#{1,6} |```)").matcher(lower).find();
        return !markdownish && countMatches(HTML_BLOCK_TAG.matcher(lower)) >= 3;
    }

    private static int countMatches(Matcher matcher) {
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    static String extension(String filename) {
        String name = filename.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int window) {
        int last = Math.min(haystack.length - needle.length, window);
        for (int i = 0; i <= last; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    static DocumentRejectedException unsupported(String detail) {
        return new DocumentRejectedException(Reason.UNSUPPORTED_TYPE,
                detail + " Supported formats: " + DocumentType.SUPPORTED_FORMATS + ".");
    }
}
