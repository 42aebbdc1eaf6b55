package com.frontline.knowledge.parsing;

import com.frontline.knowledge.parsing.DocumentRejectedException.Reason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads an uploaded document into a {@link ParsedDocument}. Stateless and thread-safe; one instance can serve the
 * whole application.
 * <p>
 * Order of checks in {@link #parse}: size on disk first (before a single byte is parsed), then the type by content,
 * then extraction under the character cap and the deadline. Library failures on malformed input surface as
 * {@link Reason#CORRUPT} with a user-readable message; nothing from the file is echoed back.
 */
public final class DocumentParser {

    /**
     * Detects the type by content (magic bytes, zip entries, text sniffing); {@code filename} only breaks ties between
     * text formats. Refuses unsupported, legacy, macro-enabled, encrypted (Word) and empty files.
     */
    public DocumentType detect(Path file, String filename) throws DocumentRejectedException {
        return TypeDetector.detect(file, filename);
    }

    public ParsedDocument parse(Path file, String filename, DocumentLimits limits) throws DocumentRejectedException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DocumentRejectedException(Reason.CORRUPT, "The file could not be read.", e);
        }
        if (size > limits.maxBytes()) {
            throw new DocumentRejectedException(Reason.TOO_LARGE, "The file is " + megabytes(size)
                    + "; the limit is " + megabytes(limits.maxBytes()) + ".");
        }
        Budget budget = new Budget(limits);
        DocumentType type = detect(file, filename);
        String fallbackTitle = titleFromFilename(filename);
        try {
            return switch (type) {
                case PDF -> PdfExtractor.extract(file, fallbackTitle, budget);
                case DOCX -> DocxExtractor.extract(file, fallbackTitle, budget);
                case HTML -> HtmlExtractor.extract(readText(file), fallbackTitle, budget);
                case MARKDOWN -> MarkdownExtractor.extract(readText(file), fallbackTitle, budget);
                case TEXT -> PlainTextExtractor.extract(readText(file), fallbackTitle, false, budget);
                case FAQ_CSV -> FaqCsvExtractor.extract(readText(file), fallbackTitle, budget);
            };
        } catch (Refusal refusal) {
            throw refusal.rejection();
        } catch (RuntimeException e) {
            // Parsers throw every kind of runtime exception on malformed input (class cast, index, illegal state);
            // none of them is the uploader's business beyond "damaged".
            throw new DocumentRejectedException(Reason.CORRUPT, "The " + describe(type) + " could not be read; it "
                    + "may be damaged. Save it again from the original application and retry.", e);
        }
    }

    /**
     * Pasted text, already bounded by the request size: Markdown-style {@code # Heading} lines and the plain-text
     * heading rules of {@link #parse} apply. Blank text gives a document without blocks.
     */
    public ParsedDocument fromText(String title, String text) {
        try {
            return PlainTextExtractor.extract(text, title, true, Budget.unlimited());
        } catch (DocumentRejectedException noText) {
            return new ParsedDocument(Texts.inline(title), DocumentType.TEXT, List.of());
        }
    }

    /** Pasted text under the same character and time limits as an upload. */
    public ParsedDocument fromText(String title, String text, DocumentLimits limits)
            throws DocumentRejectedException {
        try {
            return PlainTextExtractor.extract(text, title, true, new Budget(limits));
        } catch (Refusal refusal) {
            throw refusal.rejection();
        }
    }

    private static String readText(Path file) throws DocumentRejectedException {
        try {
            return Texts.decode(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new DocumentRejectedException(Reason.CORRUPT, "The file could not be read.", e);
        }
    }

    /** See {@link DocumentTitles#fromFilename}. */
    static String titleFromFilename(String filename) {
        return DocumentTitles.fromFilename(filename);
    }

    private static String describe(DocumentType type) {
        return switch (type) {
            case PDF -> "PDF";
            case DOCX -> "Word document";
            case FAQ_CSV -> "CSV file";
            default -> type.name().toLowerCase(Locale.ROOT) + " file";
        };
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
