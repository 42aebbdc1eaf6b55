package com.frontline.knowledge.parsing;

import com.frontline.knowledge.parsing.DocumentRejectedException.Reason;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word documents through POI XWPF. Headings come from paragraph styles: the style's name ("heading 2" in every
 * language, since Word stores English names and only displays translated ones), its id ("Heading2"), or an explicit
 * outline level, following {@code basedOn} so that custom heading styles count too. The "Title" style names the
 * document and stays out of the heading path (every block would otherwise carry it). Numbered or bulleted paragraphs
 * are list items; tables become rows.
 */
final class DocxExtractor {

    private static final Pattern HEADING_NAME = Pattern.compile("heading\\s*([1-9])");
    private static final int TITLE = -1;
    private static final int MAX_TABLE_NESTING = 10;
    private static final int MAX_STYLE_CHAIN = 10;

    private final BlockCollector out;
    private final @Nullable XWPFStyles styles;
    private String styledTitle = "";

    private DocxExtractor(BlockCollector out, @Nullable XWPFStyles styles) {
        this.out = out;
        this.styles = styles;
    }

    static ParsedDocument extract(Path file, String fallbackTitle, Budget budget) throws DocumentRejectedException {
        ZipGuard.check(file, budget);
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw damaged(e);
        }
        try {
            XWPFDocument doc = new XWPFDocument(pkg);
            budget.checkTime();
            int pages = doc.getProperties().getExtendedProperties().getPages();
            // Word records the page count it last laid out; it is the only count available without rendering.
            if (pages > budget.limits().maxPages()) {
                throw new DocumentRejectedException(Reason.TOO_MANY_PAGES, "The document has " + pages
                        + " pages; the limit is " + budget.limits().maxPages() + ". Split it into smaller documents.");
            }
            DocxExtractor extractor = new DocxExtractor(new BlockCollector(budget), doc.getStyles());
            extractor.body(doc.getBodyElements(), 0);
            String coreTitle = doc.getProperties().getCoreProperties().getTitle();
            String title = DocumentTitles.choose(fallbackTitle, coreTitle, extractor.styledTitle,
                    extractor.out.firstHeading());
            return extractor.out.finish(title, DocumentType.DOCX);
        } catch (IOException e) {
            throw damaged(e);
        } finally {
            // A read-only package is reverted, not closed: close() would try to save it.
            pkg.revert();
        }
    }

    private static DocumentRejectedException damaged(Exception e) {
        return new DocumentRejectedException(Reason.CORRUPT, "The Word document is damaged and could not be read. "
                + "Save it again from Word and retry.", e);
    }

    private void body(List<IBodyElement> elements, int nesting) {
        for (IBodyElement element : elements) {
            out.budget().checkTime();
            switch (element) {
                case XWPFParagraph paragraph -> paragraph(paragraph);
                case XWPFTable table -> table(table, nesting);
                case XWPFSDT contentControl -> out.paragraph(contentControl.getContent().getText());
                default -> {
                }
            }
        }
    }

    private void paragraph(XWPFParagraph paragraph) {
        String text = paragraph.getText();
        if (text.isBlank()) {
            return;
        }
        int level = headingLevel(paragraph);
        if (level == TITLE) {
            if (styledTitle.isEmpty()) {
                styledTitle = Texts.inline(text);
            }
        } else if (level > 0) {
            out.heading(level, text);
        } else if (paragraph.getNumID() != null || styleName(paragraph.getStyleID()).startsWith("list")) {
            out.listItem(text);
        } else {
            out.paragraph(text);
        }
    }

    /** 1–9 for headings, {@link #TITLE} for the title style, 0 for body text. */
    private int headingLevel(XWPFParagraph paragraph) {
        int direct = outlineLevel(paragraph.getCTP().getPPr());
        if (direct != 0) {
            return direct;
        }
        String styleId = paragraph.getStyleID();
        Set<String> seen = new HashSet<>();
        for (int i = 0; styleId != null && i < MAX_STYLE_CHAIN && seen.add(styleId); i++) {
            int level = levelOfStyle(styleId);
            if (level != 0) {
                return level;
            }
            XWPFStyle style = styles == null ? null : styles.getStyle(styleId);
            styleId = style == null ? null : style.getBasisStyleID();
        }
        return 0;
    }

    private int levelOfStyle(String styleId) {
        String name = styleName(styleId);
        String id = styleId.toLowerCase(Locale.ROOT);
        if (name.equals("title") || id.equals("title")) {
            return TITLE;
        }
        Matcher byName = HEADING_NAME.matcher(name);
        if (byName.matches()) {
            return Integer.parseInt(byName.group(1));
        }
        Matcher byId = HEADING_NAME.matcher(id);
        if (byId.matches()) {
            return Integer.parseInt(byId.group(1));
        }
        XWPFStyle style = styles == null ? null : styles.getStyle(styleId);
        if (style != null && style.getCTStyle().isSetPPr()) {
            return outlineLevel(style.getCTStyle().getPPr());
        }
        return 0;
    }

    /** Word's outline levels are 0–8 for headings and 9 for body text. */
    private static int outlineLevel(@Nullable CTPPrGeneral pPr) {
        if (pPr == null || !pPr.isSetOutlineLvl()) {
            return 0;
        }
        return levelFrom(pPr.getOutlineLvl());
    }

    private static int outlineLevel(@Nullable CTPPr pPr) {
        if (pPr == null || !pPr.isSetOutlineLvl()) {
            return 0;
        }
        return levelFrom(pPr.getOutlineLvl());
    }

    private static int levelFrom(CTDecimalNumber number) {
        int value = number.getVal().intValue();
        return value >= 0 && value <= 8 ? value + 1 : 0;
    }

    private String styleName(@Nullable String styleId) {
        if (styleId == null || styles == null) {
            return "";
        }
        XWPFStyle style = styles.getStyle(styleId);
        String name = style == null ? null : style.getName();
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    /**
     * Data tables give one block per row, with the first row as column names when it looks like a header (two or
     * more rows, every first-row cell filled). Tables used for layout (nested tables, headings inside cells) are
     * read cell by cell like the body.
     */
    private void table(XWPFTable table, int nesting) {
        List<XWPFTableRow> rows = table.getRows();
        boolean layout = rows.stream().flatMap(r -> r.getTableCells().stream())
                .anyMatch(cell -> !cell.getTables().isEmpty()
                        || cell.getParagraphs().stream().anyMatch(p -> headingLevel(p) > 0));
        if (layout) {
            if (nesting >= MAX_TABLE_NESTING) {
                out.paragraph(table.getText());
                return;
            }
            for (XWPFTableRow row : rows) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    body(cell.getBodyElements(), nesting + 1);
                }
            }
            return;
        }
        List<String> header = List.of();
        int start = 0;
        if (rows.size() > 1) {
            List<String> first = cells(rows.getFirst());
            if (!first.isEmpty() && first.stream().noneMatch(String::isBlank)) {
                header = first;
                start = 1;
            }
        }
        for (int r = start; r < rows.size(); r++) {
            out.budget().checkTime();
            out.tableRow(Tables.rowText(header, cells(rows.get(r))));
        }
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(XWPFTableCell::getText).map(Texts::inline).toList();
    }
}
