package com.frontline.knowledge.parsing;

import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown through the CommonMark AST: headings build the path, paragraphs and list items become blocks, code
 * blocks are kept verbatim as paragraphs, raw HTML blocks contribute their text. A YAML front matter block is not
 * text; its {@code title:} becomes the document title.
 */
final class MarkdownExtractor {

    /** Nesting beyond this (quotes in quotes in lists…) is only ever hostile; deeper content is dropped. */
    private static final int MAX_DEPTH = 100;
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\h*\\n(.{0,4000}?)\\n(?:---|\\.\\.\\.)\\h*(?:\\n|\\z)",
            Pattern.DOTALL);
    private static final Pattern FRONT_MATTER_TITLE = Pattern.compile("(?m)^title:\\h*[\"']?(.+?)[\"']?\\h*$");

    private static final Parser PARSER = Parser.builder().build();

    private final BlockCollector out;
    private boolean truncatedNesting;

    private MarkdownExtractor(BlockCollector out) {
        this.out = out;
    }

    static ParsedDocument extract(String markdown, String fallbackTitle, Budget budget)
            throws DocumentRejectedException {
        String text = markdown.replace("\r\n", "\n");
        String frontMatterTitle = "";
        Matcher frontMatter = FRONT_MATTER.matcher(text);
        if (frontMatter.find()) {
            Matcher title = FRONT_MATTER_TITLE.matcher(frontMatter.group(1));
            if (title.find()) {
                frontMatterTitle = title.group(1);
            }
            text = text.substring(frontMatter.end());
        }
        Node document = PARSER.parse(text);
        budget.checkTime();
        MarkdownExtractor extractor = new MarkdownExtractor(new BlockCollector(budget));
        extractor.blocks(document, 0);
        if (extractor.truncatedNesting) {
            extractor.out.warn("Some deeply nested content was left out.");
        }
        String title = DocumentTitles.choose(fallbackTitle, frontMatterTitle, extractor.out.firstHeading());
        return extractor.out.finish(title, DocumentType.MARKDOWN);
    }

    private void blocks(Node parent, int depth) {
        if (depth > MAX_DEPTH) {
            truncatedNesting = true;
            return;
        }
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            block(child, depth);
        }
    }

    private void block(Node node, int depth) {
        out.budget().checkTime();
        switch (node) {
            case Heading heading -> out.heading(heading.getLevel(), inline(heading));
            case Paragraph paragraph -> out.paragraph(inline(paragraph));
            case ListBlock list -> {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    if (item instanceof ListItem listItem) {
                        listItem(listItem, depth + 1);
                    }
                }
            }
            case FencedCodeBlock code -> out.preformatted(code.getLiteral());
            case IndentedCodeBlock code -> out.preformatted(code.getLiteral());
            case HtmlBlock html -> {
                if (!html.getLiteral().strip().startsWith("<!--")) {
                    out.paragraph(Jsoup.parse(html.getLiteral()).text());
                }
            }
            case ThematicBreak ignored -> {
            }
            default -> blocks(node, depth + 1);
        }
    }

    /** An item's paragraphs form its text; nested lists and code follow as their own blocks. */
    private void listItem(ListItem item, int depth) {
        List<String> texts = new ArrayList<>();
        Node child = item.getFirstChild();
        while (child instanceof Paragraph paragraph) {
            texts.add(inline(paragraph));
            child = child.getNext();
        }
        out.listItem(String.join(" ", texts));
        if (depth > MAX_DEPTH) {
            truncatedNesting = true;
            return;
        }
        for (; child != null; child = child.getNext()) {
            block(child, depth + 1);
        }
    }

    private String inline(Node node) {
        StringBuilder text = new StringBuilder();
        inline(node, text, 0);
        return text.toString();
    }

    private void inline(Node parent, StringBuilder text, int depth) {
        if (depth > MAX_DEPTH) {
            truncatedNesting = true;
            return;
        }
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case Text t -> text.append(t.getLiteral());
                case Code code -> text.append(code.getLiteral());
                case SoftLineBreak ignored -> text.append(' ');
                case HardLineBreak ignored -> text.append(' ');
                case HtmlInline ignored -> {
                }
                case Link link -> {
                    int start = text.length();
                    inline(link, text, depth + 1);
                    String label = text.substring(start).strip();
                    String destination = link.getDestination();
                    // Keep web addresses: an answer that says "see the returns form" is useless without the link.
                    if (destination.toLowerCase(Locale.ROOT).matches("https?://.+") && !label.equals(destination)) {
                        text.append(" (").append(destination).append(')');
                    }
                }
                default -> inline(child, text, depth + 1);
            }
        }
    }
}
