package com.frontline.knowledge.parsing;

import com.frontline.knowledge.parsing.DocumentRejectedException.Reason;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inputs built to break parsers: each must end in a document or a clear refusal, quickly and without errors. */
@Timeout(30)
class HostileInputTest {

    private final DocumentParser parser = new DocumentParser();

    @TempDir
    Path dir;

    @Test
    void deeplyNestedHtmlDoesNotOverflowTheStack() throws Exception {
        String html = "<html><body>" + "<div>".repeat(50_000) + "deep text" + "</div>".repeat(50_000)
                + "</body></html>";
        Path file = Fixtures.write(dir.resolve("deep.html"), html);

        assertThat(parser.parse(file, "deep.html", DocumentLimits.defaults()).blocks()).extracting(Block::text)
                .containsExactly("deep text");
    }

    @Test
    void deeplyNestedMarkdownDoesNotOverflowTheStack() throws Exception {
        Path file = Fixtures.write(dir.resolve("deep.md"), "# Deep\n\nTop level text.\n\n" + "> ".repeat(20_000)
                + "quoted\n");

        ParsedDocument doc = parser.parse(file, "deep.md", DocumentLimits.defaults());

        assertThat(doc.blocks()).extracting(Block::text).contains("Top level text.");
        assertThat(doc.warnings()).containsExactly("Some deeply nested content was left out.");
    }

    @Test
    void garbageAfterAPdfHeaderIsRefusedAsDamaged() throws Exception {
        byte[] bytes = new byte[50_000];
        new Random(7).nextBytes(bytes);
        System.arraycopy("%PDF-1.4\n".getBytes(), 0, bytes, 0, 9);
        Path file = Fixtures.write(dir.resolve("x.pdf"), bytes);

        assertThatThrownBy(() -> parser.parse(file, "x.pdf", DocumentLimits.defaults()))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isIn(Reason.CORRUPT, Reason.NO_TEXT));
    }

    @Test
    void aTruncatedDocxIsRefusedAsDamaged() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        for (int i = 0; i < 200; i++) {
            doc.createParagraph().createRun().setText("Paragraph " + i + " of a document that gets cut off.");
        }
        Path whole = Fixtures.save(doc, dir.resolve("whole.docx"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Fixtures.write(dir.resolve("cut.docx"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> parser.parse(cut, "cut.docx", DocumentLimits.defaults()))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT));
    }

    @Test
    void hugeCsvFieldsAreBounded() throws Exception {
        Path file = Fixtures.write(dir.resolve("faq.csv"), "question,answer\nWhy?,\"" + "a".repeat(200_000)
                + "\"\n");

        assertThatThrownBy(() -> parser.parse(file, "faq.csv", DocumentLimits.defaults()
                .withMaxExtractedChars(100_000)))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MUCH_TEXT));
    }

    @Test
    void markdownStopsAtTheDeadline() throws Exception {
        Path file = Fixtures.write(dir.resolve("big.md"), "## Section\n\nSome text here.\n\n".repeat(100_000));

        assertThatThrownBy(() -> parser.parse(file, "big.md", DocumentLimits.defaults()
                .withMaxParseTime(Duration.ofMillis(5))))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_SLOW));
    }
}
