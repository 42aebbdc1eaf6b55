package com.frontline.knowledge.parsing;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the block list every extractor produces: keeps the heading stack (a level-2 heading pops everything at level
 * 2 and deeper), normalises text, drops empty blocks and charges every character to the {@link Budget}.
 */
final class BlockCollector {

    private record OpenHeading(int level, String text) {
    }

    private final Budget budget;
    private final List<OpenHeading> headings = new ArrayList<>();
    private List<String> path = List.of();
    private final List<Block> blocks = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private String firstHeading = "";

    BlockCollector(Budget budget) {
        this.budget = budget;
    }

    Budget budget() {
        return budget;
    }

    /** Levels start at 1; anything deeper than 9 is treated as 9, as no real document nests further. */
    void heading(int level, String rawText) {
        String text = Texts.inline(rawText);
        if (text.isEmpty()) {
            return;
        }
        int clamped = Math.clamp(level, 1, 9);
        while (!headings.isEmpty() && headings.getLast().level() >= clamped) {
            headings.removeLast();
        }
        headings.add(new OpenHeading(clamped, text));
        path = headings.stream().map(OpenHeading::text).toList();
        if (firstHeading.isEmpty()) {
            firstHeading = text;
        }
        add(BlockKind.HEADING, text);
    }

    /** The level of the innermost open heading, 0 outside any heading. */
    int currentLevel() {
        return headings.isEmpty() ? 0 : headings.getLast().level();
    }

    void paragraph(String rawText) {
        add(BlockKind.PARAGRAPH, Texts.inline(rawText));
    }

    /** Code and preformatted text, whose line breaks carry meaning. */
    void preformatted(String rawText) {
        add(BlockKind.PARAGRAPH, Texts.keepLines(rawText));
    }

    void listItem(String rawText) {
        add(BlockKind.LIST_ITEM, Texts.inline(rawText));
    }

    void tableRow(String text) {
        add(BlockKind.TABLE_ROW, Texts.inline(text));
    }

    /** FAQ entries live under their own question, so that citations name the question that answered. */
    void questionAnswer(String rawQuestion, String rawAnswer) {
        String question = Texts.inline(rawQuestion);
        String answer = Texts.keepLines(rawAnswer);
        String text = "Q: " + question + "\nA: " + answer;
        budget.checkTime();
        budget.addCharacters(text.length());
        blocks.add(new Block(List.of(question), BlockKind.QUESTION_ANSWER, text));
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    private void add(BlockKind kind, String text) {
        budget.checkTime();
        if (text.isEmpty()) {
            return;
        }
        budget.addCharacters(text.length());
        blocks.add(new Block(path, kind, text));
    }

    boolean hasContent() {
        return blocks.stream().anyMatch(b -> b.kind() != BlockKind.HEADING);
    }

    String firstHeading() {
        return firstHeading;
    }

    ParsedDocument finish(String title, DocumentType type) throws DocumentRejectedException {
        if (!hasContent()) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.NO_TEXT, type == DocumentType.PDF
                    ? "No text found in this PDF. Scanned PDFs need OCR, which is not supported: upload a PDF with "
                    + "a text layer (one where you can select text) or the original document."
                    : "No text found in this document.");
        }
        return new ParsedDocument(Texts.inline(title), type, blocks, warnings);
    }
}
