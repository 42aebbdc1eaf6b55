package com.frontline.knowledge.parsing;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static com.frontline.knowledge.parsing.Fixtures.PdfLine.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Customers see a document's title in citations: the document's own when it has a real one, else a clean name. */
class DocumentTitleTest {

    private final DocumentParser parser = new DocumentParser();

    @TempDir
    Path dir;

    @Test
    void aFileNameBecomesATitleInItsOriginalCase() {
        assertThat(DocumentTitles.fromFilename("Refund-Policy_v2.pdf")).isEqualTo("Refund Policy v2");
        assertThat(DocumentTitles.fromFilename("C:\\Users\\ann\\FAQ_Shipping-EU.docx")).isEqualTo("FAQ Shipping EU");
        assertThat(DocumentTitles.fromFilename("refund policy.pdf")).isEqualTo("Refund policy");
    }

    @Test
    void placeholderMetadataTitlesGiveWayToTheFirstHeadingOrTheFileName() throws Exception {
        Path untitled = Fixtures.pdf().title("Untitled").page(body("Two years for all devices and all parts."))
                .write(dir.resolve("w.pdf"));
        assertThat(parser.parse(untitled, "Warranty_Terms.pdf", DocumentLimits.defaults()).title())
                .isEqualTo("Warranty Terms");

        Path docName = Fixtures.pdf().title("returns-2024.docx").page(body("Returns are free for 30 days."))
                .write(dir.resolve("r.pdf"));
        assertThat(parser.parse(docName, "Returns.pdf", DocumentLimits.defaults()).title()).isEqualTo("Returns");
    }

    @Test
    void aWordDocumentsCoreTitleWins() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        doc.getProperties().getCoreProperties().setTitle("Refund Policy");
        doc.createParagraph().createRun().setText("Refunds are paid within 14 days of the return.");
        Path file = Fixtures.save(doc, dir.resolve("x.docx"));
        assertThat(parser.parse(file, "refund_policy_FINAL.docx", DocumentLimits.defaults()).title())
                .isEqualTo("Refund Policy");
    }

    @Test
    void htmlMarkdownAndTextNameThemselves() throws Exception {
        Path html = Fixtures.write(dir.resolve("a.html"), "<html><head><title>  </title></head><body><h1>Shipping "
                + "Times</h1><p>Orders ship in two days.</p></body></html>");
        assertThat(parser.parse(html, "shipping.html", DocumentLimits.defaults()).title()).isEqualTo("Shipping Times");

        Path md = Fixtures.write(dir.resolve("b.md"), "Intro line.\n\n# Refund Policy\n\nRefunds take 5 days.\n");
        assertThat(parser.parse(md, "refund.md", DocumentLimits.defaults()).title()).isEqualTo("Refund Policy");

        Path text = Fixtures.write(dir.resolve("c.txt"), "Opening Hours\n\nWe are open from 9 to 5 on weekdays, "
                + "and from 10 to 2 on Saturdays.\n");
        assertThat(parser.parse(text, "hours.txt", DocumentLimits.defaults()).title()).isEqualTo("Opening Hours");

        Path noHeading = Fixtures.write(dir.resolve("d.txt"), "We are open from 9 to 5 on weekdays, and from 10 to "
                + "2 on Saturdays. Call us any time.\n");
        assertThat(parser.parse(noHeading, "opening_hours.txt", DocumentLimits.defaults()).title())
                .isEqualTo("Opening hours");
    }

    @Test
    void aVeryLongHeadingIsCutAtAWord() {
        String title = DocumentTitles.clean("Refund " + "policy for every product we sell ".repeat(10));
        assertThat(title).hasSizeLessThanOrEqualTo(DocumentTitles.MAX_LENGTH).endsWith("…");
        assertThat(DocumentTitles.clean("Document1")).isNull();
        assertThat(DocumentTitles.clean("Microsoft Word - Refund.docx")).isNull();
        assertThat(DocumentTitles.clean("2024-01-31")).isNull();
    }
}
