package com.frontline.knowledge.parsing;

import com.frontline.knowledge.parsing.DocumentRejectedException.Reason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * PDFs through PDFBox. Text is read page by page in reading order (sorted by position). Headings come from the
 * outline (bookmarks) when the PDF has one: each bookmark is placed at the line on its target page that carries its
 * title, or at the top of that page. Without an outline, lines set noticeably larger than the body text are headings,
 * larger sizes ranking higher. Page numbers and running headers or footers (the same line first or last on most
 * pages) are dropped, since they would otherwise land in every chunk.
 * <p>
 * PDFs that only restrict permissions (an owner password, openable without a password) are read: the uploader is the
 * tenant that owns the content. PDFs that need a password to open are refused.
 */
final class PdfExtractor {

    private static final int MAX_OUTLINE_ITEMS = 10_000;
    private static final int MAX_OUTLINE_DEPTH = 9;
    private static final int MAX_HEADING_CHARS = 150;
    /** A line must be this much larger than the body text to count as a heading. */
    private static final float HEADING_SIZE_RATIO = 1.15f;
    private static final int MAX_FONT_LEVELS = 6;

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^\\W*(?:(?:page|seite|p\\.)\\s*)?\\d{1,5}(?:\\s*(?:/|of|von)\\s*\\d{1,5})?\\W*$");
    private static final Pattern BULLET = Pattern.compile("^(?:[•▪◦‣●○■□\\-–*]|\\d{1,3}[.)])\\s+\\S.*");
    private static final Pattern WORD_APP_TITLE = Pattern.compile("(?i)^microsoft (?:word|powerpoint) - ");

    /** One line of text on a page, with its average font size and whether PDFBox saw a paragraph start before it. */
    record Line(int page, String text, float fontSize, boolean paragraphStart) {
    }

    private record OutlineEntry(int level, String title, int page) {
    }

    private PdfExtractor() {
    }

    static ParsedDocument extract(Path file, String fallbackTitle, Budget budget) throws DocumentRejectedException {
        // loadPDF(File) reads through a RandomAccessReadBufferedFile (a small page cache, not the whole file), and
        // the temp-file stream cache keeps decoded streams (fonts, images) off the heap.
        try (PDDocument doc = Loader.loadPDF(file.toFile(), "", IOUtils.createTempFileOnlyStreamCache())) {
            budget.checkTime();
            int pages = doc.getNumberOfPages();
            if (pages > budget.limits().maxPages()) {
                throw new DocumentRejectedException(Reason.TOO_MANY_PAGES, "The PDF has " + pages + " pages; the "
                        + "limit is " + budget.limits().maxPages() + ". Split it into smaller documents.");
            }
            List<OutlineEntry> outline = outline(doc, budget);
            List<Line> lines = dropRunningLines(lines(doc, budget), pages);
            BlockCollector out = new BlockCollector(budget);
            if (outline.isEmpty()) {
                emitWithFontHeadings(lines, out);
            } else {
                emitWithOutline(lines, outline, out);
            }
            String infoTitle = doc.getDocumentInformation().getTitle();
            String title = DocumentTitles.choose(fallbackTitle,
                    infoTitle == null ? null : WORD_APP_TITLE.matcher(infoTitle.strip()).replaceFirst(""),
                    out.firstHeading());
            return out.finish(title, DocumentType.PDF);
        } catch (InvalidPasswordException e) {
            throw new DocumentRejectedException(Reason.ENCRYPTED, "This PDF is password-protected. Remove the "
                    + "password (save an unprotected copy) and upload it again.", e);
        } catch (IOException e) {
            throw new DocumentRejectedException(Reason.CORRUPT, "The PDF is damaged and could not be read. Save or "
                    + "export it again and retry.", e);
        }
    }

    // ---- Text ------------------------------------------------------------------------------------------------

    private static List<Line> lines(PDDocument doc, Budget budget) throws IOException {
        LineStripper stripper = new LineStripper(budget);
        stripper.setSortByPosition(true);
        stripper.writeText(doc, Writer.nullWriter());
        return stripper.lines;
    }

    /**
     * Records lines instead of writing text. Every content-stream operator checks the deadline and every glyph is
     * counted against the character cap, because PDFBox gathers a whole page's glyphs before sorting them: one
     * hostile page could otherwise hold the thread or the heap.
     */
    private static final class LineStripper extends PDFTextStripper {

        private final Budget budget;
        private final long maxGlyphs;
        private long glyphs;
        final List<Line> lines = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private double sizeSum;
        private int sizeCount;
        private boolean paragraphStart = true;

        LineStripper(Budget budget) {
            this.budget = budget;
            this.maxGlyphs = budget.limits().maxExtractedChars();
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            budget.checkTime();
            super.processOperator(operator, operands);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (++glyphs > maxGlyphs) {
                throw Budget.tooMuchText(maxGlyphs);
            }
            super.processTextPosition(text);
        }

        @Override
        protected void startPage(PDPage page) {
            paragraphStart = true;
        }

        @Override
        protected void endPage(PDPage page) {
            endLine();
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            current.append(text);
            for (TextPosition position : positions) {
                sizeSum += position.getFontSizeInPt();
                sizeCount++;
            }
        }

        @Override
        protected void writeWordSeparator() {
            current.append(' ');
        }

        @Override
        protected void writeLineSeparator() {
            endLine();
        }

        @Override
        protected void writeParagraphStart() {
            endLine();
            paragraphStart = true;
        }

        @Override
        protected void writeParagraphEnd() {
            endLine();
            paragraphStart = true;
        }

        @Override
        protected void writePageStart() {
        }

        @Override
        protected void writePageEnd() {
        }

        private void endLine() {
            String text = Texts.inline(current.toString());
            if (!text.isEmpty()) {
                float size = sizeCount == 0 ? 0 : (float) (sizeSum / sizeCount);
                lines.add(new Line(getCurrentPageNo() - 1, text, size, paragraphStart));
                paragraphStart = false;
            }
            current.setLength(0);
            sizeSum = 0;
            sizeCount = 0;
        }
    }

    /**
     * Drops bare page numbers, and lines that open or close at least half of the pages (three or more) once digits
     * are masked: running headers and footers like "ACME Returns Policy – page 3".
     */
    static List<Line> dropRunningLines(List<Line> allLines, int pageCount) {
        List<Line> lines = allLines.stream().filter(line -> !PAGE_NUMBER.matcher(line.text()).matches()).toList();
        Map<Integer, int[]> firstAndLast = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int index = i;
            firstAndLast.computeIfAbsent(lines.get(i).page(), p -> new int[] {index, index})[1] = i;
        }
        Map<String, Integer> edgeCounts = new HashMap<>();
        Set<Integer> edgeIndexes = new TreeSet<>();
        for (int[] edges : firstAndLast.values()) {
            Set<String> onPage = new TreeSet<>();
            for (int edge : edges) {
                onPage.add(masked(lines.get(edge).text()));
                edgeIndexes.add(edge);
            }
            onPage.forEach(text -> edgeCounts.merge(text, 1, Integer::sum));
        }
        int threshold = Math.max(3, (pageCount + 1) / 2);
        List<Line> kept = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (!edgeIndexes.contains(i) || edgeCounts.getOrDefault(masked(line.text()), 0) < threshold) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static String masked(String text) {
        return text.replaceAll("\\d+", "#").toLowerCase(Locale.ROOT);
    }

    // ---- Headings from the outline -----------------------------------------------------------------------------

    private static List<OutlineEntry> outline(PDDocument doc, Budget budget) {
        PDDocumentOutline root = doc.getDocumentCatalog().getDocumentOutline();
        if (root == null) {
            return List.of();
        }
        Map<COSDictionary, Integer> pageIndexes = new IdentityHashMap<>();
        int index = 0;
        for (PDPage page : doc.getPages()) {
            pageIndexes.put(page.getCOSObject(), index++);
        }
        List<OutlineEntry> entries = new ArrayList<>();
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(root, 1, doc, pageIndexes, entries, seen, budget);
        return entries;
    }

    /** Outline links can form cycles in broken or hostile files, hence the seen-set and the caps. */
    private static void collect(PDOutlineNode node, int level, PDDocument doc, Map<COSDictionary, Integer> pages,
            List<OutlineEntry> entries, Set<COSDictionary> seen, Budget budget) {
        if (level > MAX_OUTLINE_DEPTH) {
            return;
        }
        PDOutlineItem item = node.getFirstChild();
        while (item != null && seen.add(item.getCOSObject()) && seen.size() <= MAX_OUTLINE_ITEMS) {
            budget.checkTime();
            Integer page = null;
            try {
                PDPage target = item.findDestinationPage(doc);
                page = target == null ? null : pages.get(target.getCOSObject());
            } catch (IOException | RuntimeException unresolvable) {
                // A bookmark to a named destination that does not exist: keep its children, skip itself.
            }
            String title = item.getTitle() == null ? "" : Texts.inline(item.getTitle());
            if (page != null && !title.isEmpty()) {
                entries.add(new OutlineEntry(level, title, page));
            }
            collect(item, level + 1, doc, pages, entries, seen, budget);
            item = item.getNextSibling();
        }
    }

    private static void emitWithOutline(List<Line> lines, List<OutlineEntry> outline, BlockCollector out) {
        Map<Integer, List<OutlineEntry>> byPage = new TreeMap<>();
        for (OutlineEntry entry : outline) {
            byPage.computeIfAbsent(entry.page(), p -> new ArrayList<>()).add(entry);
        }
        // Headings are emitted in page order; within a page, in outline order.
        Paragraphs paragraphs = new Paragraphs(out);
        int i = 0;
        int lastPage = lines.isEmpty() ? -1 : lines.getLast().page();
        int maxPage = Math.max(lastPage, byPage.isEmpty() ? -1 : ((TreeMap<Integer, ?>) byPage).lastKey());
        for (int page = 0; page <= maxPage; page++) {
            int start = i;
            while (i < lines.size() && lines.get(i).page() == page) {
                i++;
            }
            List<Line> pageLines = lines.subList(start, i);
            List<OutlineEntry> entries = byPage.getOrDefault(page, List.of());
            Map<Integer, OutlineEntry> atLine = new HashMap<>();
            List<OutlineEntry> atTop = new ArrayList<>();
            int from = 0;
            for (OutlineEntry entry : entries) {
                int match = findLine(pageLines, entry.title(), from);
                if (match < 0) {
                    atTop.add(entry);
                } else {
                    atLine.put(match, entry);
                    from = match + 1;
                }
            }
            if (!atTop.isEmpty()) {
                paragraphs.flush();
                atTop.forEach(entry -> out.heading(entry.level(), entry.title()));
            }
            for (int l = 0; l < pageLines.size(); l++) {
                OutlineEntry heading = atLine.get(l);
                if (heading != null) {
                    paragraphs.flush();
                    out.heading(heading.level(), heading.title());
                } else {
                    paragraphs.add(pageLines.get(l));
                }
            }
        }
        paragraphs.flush();
    }

    private static int findLine(List<Line> lines, String title, int from) {
        String wanted = title.toLowerCase(Locale.ROOT);
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i).text().toLowerCase(Locale.ROOT);
            // "2.1 Returns" in the text for a bookmark called "Returns" still matches.
            if (line.equals(wanted) || (line.endsWith(wanted) && line.length() <= wanted.length() + 10)) {
                return i;
            }
        }
        return -1;
    }

    // ---- Headings from font sizes ------------------------------------------------------------------------------

    private static void emitWithFontHeadings(List<Line> lines, BlockCollector out) {
        float body = bodySize(lines);
        TreeSet<Float> headingSizes = new TreeSet<>(Collections.reverseOrder());
        for (Line line : lines) {
            if (isFontHeading(line, body)) {
                headingSizes.add(rounded(line.fontSize()));
            }
        }
        List<Float> ranked = new ArrayList<>(headingSizes);
        Paragraphs paragraphs = new Paragraphs(out);
        StringBuilder heading = new StringBuilder();
        float headingSize = 0;
        int headingPage = -1;
        for (Line line : lines) {
            if (isFontHeading(line, body)) {
                float size = rounded(line.fontSize());
                boolean continues = !heading.isEmpty() && size == headingSize && line.page() == headingPage
                        && !line.paragraphStart();
                if (!continues) {
                    paragraphs.flush();
                    emitHeading(heading, headingSize, ranked, out);
                }
                heading.append(line.text()).append(' ');
                headingSize = size;
                headingPage = line.page();
            } else {
                emitHeading(heading, headingSize, ranked, out);
                paragraphs.add(line);
            }
        }
        emitHeading(heading, headingSize, ranked, out);
        paragraphs.flush();
    }

    private static void emitHeading(StringBuilder heading, float size, List<Float> ranked, BlockCollector out) {
        if (!heading.isEmpty()) {
            out.heading(Math.min(ranked.indexOf(size) + 1, MAX_FONT_LEVELS), heading.toString());
            heading.setLength(0);
        }
    }

    private static boolean isFontHeading(Line line, float body) {
        return body > 0 && line.fontSize() >= body * HEADING_SIZE_RATIO && line.text().length() <= MAX_HEADING_CHARS
                && line.text().codePoints().anyMatch(Character::isLetter);
    }

    /** The size most characters are set in. */
    static float bodySize(List<Line> lines) {
        Map<Float, Long> chars = new HashMap<>();
        for (Line line : lines) {
            chars.merge(rounded(line.fontSize()), (long) line.text().length(), Long::sum);
        }
        return chars.entrySet().stream()
                .max(Map.Entry.<Float, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(0f);
    }

    private static float rounded(float size) {
        return Math.round(size * 2) / 2f;
    }

    // ---- Paragraphs --------------------------------------------------------------------------------------------

    /** Joins lines into paragraphs and list items, undoing end-of-line hyphenation ("ex-\nample"). */
    private static final class Paragraphs {

        private final BlockCollector out;
        private final StringBuilder text = new StringBuilder();
        private boolean listItem;
        private int page = -1;

        Paragraphs(BlockCollector out) {
            this.out = out;
        }

        void add(Line line) {
            boolean bullet = BULLET.matcher(line.text()).matches();
            if (line.paragraphStart() || bullet || line.page() != page && endsSentence()) {
                flush();
            }
            page = line.page();
            if (text.isEmpty()) {
                listItem = bullet;
                text.append(bullet ? stripBullet(line.text()) : line.text());
                return;
            }
            int last = text.length() - 1;
            if (text.charAt(last) == '-' && last > 0 && Character.isLowerCase(text.charAt(last - 1))
                    && Character.isLowerCase(line.text().charAt(0))) {
                text.setLength(last);
                text.append(line.text());
            } else {
                text.append(' ').append(line.text());
            }
        }

        private boolean endsSentence() {
            return !text.isEmpty() && ".!?:".indexOf(text.charAt(text.length() - 1)) >= 0;
        }

        void flush() {
            if (!text.isEmpty()) {
                if (listItem) {
                    out.listItem(text.toString());
                } else {
                    out.paragraph(text.toString());
                }
                text.setLength(0);
            }
        }

        private static String stripBullet(String line) {
            return line.replaceFirst("^[•▪◦‣●○■□\\-–*]\\s+", "");
        }
    }

}
