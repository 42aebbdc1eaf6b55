package com.frontline.knowledge.parsing;

import com.frontline.knowledge.parsing.DocumentRejectedException.Reason;
import com.frontline.knowledge.parsing.Fixtures.PdfLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.frontline.knowledge.parsing.Fixtures.PdfLine.body;
import static com.frontline.knowledge.parsing.Fixtures.PdfLine.gap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PdfParsingTest {

    private final DocumentParser parser = new DocumentParser();

    @TempDir
    Path dir;

    @Test
    void headingsComeFromTheOutlineWhenThePdfHasOne() throws Exception {
        Path file = Fixtures.pdf()
                .page(body("Returns Policy"), gap(), body("This policy explains returns."), gap(),
                        body("1.1 Time limits"), gap(), body("You can return items within 30 days."))
                .page(body("Refunds"), gap(), body("Refunds are paid to the original card."))
                .bookmark(1, "Returns Policy", 0)
                .bookmark(2, "Time limits", 0)
                .bookmark(1, "Refunds", 1)
                .write(dir.resolve("policy.pdf"));

        ParsedDocument doc = parser.parse(file, "policy.pdf", DocumentLimits.defaults());

        assertThat(doc.type()).isEqualTo(DocumentType.PDF);
        assertThat(doc.title()).isEqualTo("Returns Policy");
        assertThat(doc.blocks()).extracting(Block::kind, Block::headingPath, Block::text).containsExactly(
                tuple(BlockKind.HEADING, List.of("Returns Policy"), "Returns Policy"),
                tuple(BlockKind.PARAGRAPH, List.of("Returns Policy"), "This policy explains returns."),
                tuple(BlockKind.HEADING, List.of("Returns Policy", "Time limits"), "Time limits"),
                tuple(BlockKind.PARAGRAPH, List.of("Returns Policy", "Time limits"),
                        "You can return items within 30 days."),
                tuple(BlockKind.HEADING, List.of("Refunds"), "Refunds"),
                tuple(BlockKind.PARAGRAPH, List.of("Refunds"), "Refunds are paid to the original card."));
    }

    @Test
    void withoutOutlineLargerFontsAreHeadingsRankedBySize() throws Exception {
        Path file = Fixtures.pdf()
                .page(new PdfLine("Shipping Guide", 24), gap(),
                        body("We ship to most countries in Europe and beyond."), gap(),
                        new PdfLine("Domestic", 16), gap(),
                        body("Orders arrive in two to three working days."), gap(),
                        new PdfLine("International", 16), gap(),
                        body("Customs fees are paid by the recipient on delivery."))
                .write(dir.resolve("shipping.pdf"));

        ParsedDocument doc = parser.parse(file, "shipping.pdf", DocumentLimits.defaults());

        assertThat(doc.blocks()).filteredOn(b -> b.kind() == BlockKind.PARAGRAPH)
                .extracting(Block::headingPath).containsExactly(
                        List.of("Shipping Guide"),
                        List.of("Shipping Guide", "Domestic"),
                        List.of("Shipping Guide", "International"));
        assertThat(doc.title()).isEqualTo("Shipping Guide");
    }

    @Test
    void pageNumbersAndRunningFootersAreDropped() throws Exception {
        Fixtures.PdfBuilder builder = Fixtures.pdf();
        List<String> content = List.of("Alpha covers orders.", "Bravo covers returns.", "Charlie covers refunds.",
                "Delta covers shipping.");
        for (int page = 1; page <= 4; page++) {
            builder.page(body("ACME Handbook 2025"), gap(), body(content.get(page - 1)), gap(),
                    body("Confidential - page " + page + " of 4"), body(String.valueOf(page)));
        }
        ParsedDocument doc = parser.parse(builder.write(dir.resolve("h.pdf")), "h.pdf", DocumentLimits.defaults());

        assertThat(doc.blocks()).extracting(Block::text).containsExactlyElementsOf(content);
    }

    @Test
    void titleComesFromMetadataFirst() throws Exception {
        Path file = Fixtures.pdf().title("Microsoft Word - Warranty Terms").page(body("Two years for all devices."))
                .write(dir.resolve("w.pdf"));

        assertThat(parser.parse(file, "w.pdf", DocumentLimits.defaults()).title()).isEqualTo("Warranty Terms");
    }

    @Test
    void refusesPdfsThatNeedAPasswordToOpen() throws Exception {
        Path file = Fixtures.pdf().page(body("Secret")).userPassword("open-sesame").write(dir.resolve("s.pdf"));

        assertThatThrownBy(() -> parser.parse(file, "s.pdf", DocumentLimits.defaults()))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.ENCRYPTED);
                    assertThat(e.userMessage()).contains("password-protected");
                });
    }

    @Test
    void readsPdfsThatOnlyRestrictPermissions() throws Exception {
        Path file = Fixtures.pdf().page(body("Printing is restricted, reading is not.")).ownerPasswordOnly()
                .write(dir.resolve("r.pdf"));

        assertThat(parser.parse(file, "r.pdf", DocumentLimits.defaults()).blocks()).extracting(Block::text)
                .containsExactly("Printing is restricted, reading is not.");
    }

    @Test
    void refusesBrokenPdfs() throws Exception {
        Path file = Fixtures.write(dir.resolve("b.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n"
                + "garbage garbage\n%%EOF");

        assertThatThrownBy(() -> parser.parse(file, "b.pdf", DocumentLimits.defaults()))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isIn(Reason.CORRUPT, Reason.NO_TEXT));
    }

    @Test
    void refusesPdfsWithoutTextLayerAndSaysWhy() throws Exception {
        Path file = Fixtures.pdf().blankPage().blankPage().write(dir.resolve("scan.pdf"));

        assertThatThrownBy(() -> parser.parse(file, "scan.pdf", DocumentLimits.defaults()))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NO_TEXT);
                    assertThat(e.userMessage()).contains("No text found").contains("OCR");
                });
    }

    @Test
    void refusesMorePagesThanTheLimit() throws Exception {
        Path file = Fixtures.pdf().page(body("one")).page(body("two")).page(body("three"))
                .write(dir.resolve("p.pdf"));

        assertThatThrownBy(() -> parser.parse(file, "p.pdf", DocumentLimits.defaults().withMaxPages(2)))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PAGES));
    }

    @Test
    void refusesMoreTextThanTheLimit() throws Exception {
        Path file = Fixtures.pdf().page(body("This sentence alone is longer than the tiny limit."))
                .write(dir.resolve("t.pdf"));

        assertThatThrownBy(() -> parser.parse(file, "t.pdf", DocumentLimits.defaults().withMaxExtractedChars(20)))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MUCH_TEXT));
    }

    @Test
    void stopsAtTheDeadline() throws Exception {
        Fixtures.PdfBuilder builder = Fixtures.pdf();
        for (int i = 0; i < 200; i++) {
            builder.page(body("Page " + i + " has a sentence."), body("And another one."));
        }
        Path file = builder.write(dir.resolve("slow.pdf"));

        assertThatThrownBy(() -> parser.parse(file, "slow.pdf",
                DocumentLimits.defaults().withMaxParseTime(Duration.ofMillis(1))))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_SLOW));
    }
}
