package com.frontline.knowledge.parsing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * HTML pages (help-centre exports, saved web pages). Page chrome (navigation, site header and footer, sidebars) and
 * anything that is not content (script, style, forms' controls) are dropped; {@code h1}–{@code h6} build the heading
 * path; paragraphs, list items and table rows become blocks. Loose text inside {@code div}s is gathered into
 * paragraphs, because many exports never use {@code p}.
 */
final class HtmlExtractor {

    /** Deeper nesting is only ever hostile; below it, text is taken flat instead of walking the tree. */
    private static final int MAX_DEPTH = 200;

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "blockquote", "dl",
            "dt", "dd", "figure", "figcaption", "address", "details", "summary", "body", "center", "fieldset",
            "hr", "caption", "legend", "html", "tbody", "thead", "tfoot", "tr", "td", "th");
    private static final Set<String> CELL_BLOCKS = Set.of("p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4",
            "h5", "h6", "pre", "blockquote");

    private final BlockCollector out;
    private final StringBuilder pending = new StringBuilder();

    private HtmlExtractor(BlockCollector out) {
        this.out = out;
    }

    static ParsedDocument extract(String html, String fallbackTitle, Budget budget) throws DocumentRejectedException {
        Document doc = Jsoup.parse(html);
        budget.checkTime();
        doc.select("script, style, noscript, template, svg, canvas, iframe, object, embed, nav, aside, button, "
                + "select, input, textarea, [hidden], [aria-hidden=true]").remove();
        // A page's banner and footer are chrome, but an article's own <header> often holds its h1.
        for (Element chrome : doc.select("header, footer")) {
            if (chrome.parent() != null && chrome.closest("article, main") == null) {
                chrome.remove();
            }
        }
        HtmlExtractor extractor = new HtmlExtractor(new BlockCollector(budget));
        extractor.walk(doc.body(), 0);
        extractor.flush();
        String title = DocumentTitles.choose(fallbackTitle, doc.title(), extractor.out.firstHeading());
        return extractor.out.finish(title, DocumentType.HTML);
    }

    private void walk(Element parent, int depth) {
        for (Node child : parent.childNodes()) {
            out.budget().checkTime();
            if (child instanceof TextNode text) {
                pending.append(text.text());
            } else if (child instanceof Element element) {
                element(element, depth);
            }
        }
    }

    private void element(Element element, int depth) {
        String tag = element.normalName();
        int level = headingLevel(tag);
        if (level > 0) {
            flush();
            out.heading(level, element.text());
        } else if (tag.equals("br")) {
            pending.append(' ');
        } else if (tag.equals("ul") || tag.equals("ol")) {
            flush();
            list(element, depth);
        } else if (tag.equals("li")) {
            flush();
            listItem(element, depth);
        } else if (tag.equals("table")) {
            flush();
            table(element, depth);
        } else if (tag.equals("pre")) {
            flush();
            out.preformatted(element.wholeText());
        } else if (depth > MAX_DEPTH) {
            pending.append(' ').append(element.text()).append(' ');
        } else if (BLOCKS.contains(tag)) {
            flush();
            walk(element, depth + 1);
            flush();
        } else {
            // Inline elements (a, span, strong…) continue the current paragraph; blocks inside them still flush.
            walk(element, depth + 1);
        }
    }

    private void list(Element list, int depth) {
        for (Element child : list.children()) {
            if (child.normalName().equals("li")) {
                listItem(child, depth + 1);
            } else {
                element(child, depth + 1);
            }
        }
        flush();
    }

    /** The item's own text is one block; lists and tables nested in it follow as their own blocks. */
    private void listItem(Element item, int depth) {
        StringBuilder text = new StringBuilder();
        List<Element> nested = new ArrayList<>();
        for (Node child : item.childNodes()) {
            if (child instanceof TextNode node) {
                text.append(node.text());
            } else if (child instanceof Element element) {
                String tag = element.normalName();
                if (tag.equals("ul") || tag.equals("ol") || tag.equals("table")) {
                    nested.add(element);
                } else {
                    text.append(' ').append(element.text()).append(' ');
                }
            }
        }
        out.listItem(text.toString());
        for (Element element : nested) {
            element(element, depth + 1);
        }
    }

    /**
     * Data tables become one block per row, "column: value; column: value" when the first row is a header, so that
     * a row still makes sense on its own in a chunk. Layout tables (cells holding paragraphs, lists or headings) are
     * walked like any other container.
     */
    private void table(Element table, int depth) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            switch (child.normalName()) {
                case "tr" -> rows.add(child);
                case "thead", "tbody", "tfoot" -> rows.addAll(child.children().stream()
                        .filter(e -> e.normalName().equals("tr")).toList());
                default -> {
                }
            }
        }
        boolean layout = rows.stream().flatMap(r -> r.children().stream())
                .anyMatch(cell -> cell.children().stream().anyMatch(e -> CELL_BLOCKS.contains(e.normalName())));
        if (layout || depth > MAX_DEPTH) {
            for (Element row : rows) {
                for (Element cell : row.children()) {
                    flush();
                    walk(cell, depth + 1);
                    flush();
                }
            }
            return;
        }
        List<String> header = List.of();
        int start = 0;
        if (!rows.isEmpty() && rows.size() > 1 && isHeaderRow(rows.getFirst())) {
            header = rows.getFirst().children().stream().map(Element::text).map(Texts::inline).toList();
            start = 1;
        }
        for (int r = start; r < rows.size(); r++) {
            out.budget().checkTime();
            List<String> cells = rows.get(r).children().stream()
                    .filter(e -> e.normalName().equals("td") || e.normalName().equals("th"))
                    .map(Element::text).map(Texts::inline).toList();
            out.tableRow(Tables.rowText(header, cells));
        }
    }

    private static boolean isHeaderRow(Element row) {
        return row.parent() != null && row.parent().normalName().equals("thead")
                || !row.children().isEmpty() && row.children().stream().allMatch(c -> c.normalName().equals("th"));
    }

    private void flush() {
        if (!pending.isEmpty()) {
            out.paragraph(pending.toString());
            pending.setLength(0);
        }
    }

    private static int headingLevel(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6'
                ? tag.charAt(1) - '0' : 0;
    }
}
