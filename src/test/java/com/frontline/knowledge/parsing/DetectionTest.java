package com.frontline.knowledge.parsing;

import com.frontline.knowledge.parsing.DocumentRejectedException.Reason;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static com.frontline.knowledge.parsing.Fixtures.PdfLine.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectionTest {

    private final DocumentParser parser = new DocumentParser();

    @TempDir
    Path dir;

    @Test
    void aPdfRenamedToTxtIsAPdf() throws Exception {
        Path file = Fixtures.pdf().page(body("Hello")).write(dir.resolve("notes.txt"));

        assertThat(parser.detect(file, "notes.txt")).isEqualTo(DocumentType.PDF);
        assertThat(parser.parse(file, "notes.txt", DocumentLimits.defaults()).type()).isEqualTo(DocumentType.PDF);
    }

    @Test
    void aDocxRenamedToPdfIsADocx() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        doc.createParagraph().createRun().setText("Hi");
        Path file = Fixtures.save(doc, dir.resolve("report.pdf"));

        assertThat(parser.detect(file, "report.pdf")).isEqualTo(DocumentType.DOCX);
    }

    @Test
    void anHtmlPageNamedMdIsHtml() throws Exception {
        Path file = Fixtures.write(dir.resolve("page.md"),
                "<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p></body></html>");

        assertThat(parser.detect(file, "page.md")).isEqualTo(DocumentType.HTML);
    }

    @Test
    void theNameBreaksTiesBetweenMarkdownAndText() throws Exception {
        Path file = Fixtures.write(dir.resolve("x"), "Opening hours\n\nWe are open from 9 to 5.\n");

        assertThat(parser.detect(file, "hours.md")).isEqualTo(DocumentType.MARKDOWN);
        assertThat(parser.detect(file, "hours.txt")).isEqualTo(DocumentType.TEXT);
        assertThat(parser.detect(file, "hours")).isEqualTo(DocumentType.TEXT);
    }

    @Test
    void markdownWithoutExtensionIsRecognisedByItsSyntax() throws Exception {
        Path file = Fixtures.write(dir.resolve("x"), "# Title\n\n- one\n- two\n\nSee [docs](https://example.com).\n");

        assertThat(parser.detect(file, "upload")).isEqualTo(DocumentType.MARKDOWN);
    }

    @Test
    void aQuestionAnswerHeaderMakesAnFaqCsvWhateverTheName() throws Exception {
        Path file = Fixtures.write(dir.resolve("faq.txt"), "Question;Answer\nWhy?;Because.\n");

        assertThat(parser.detect(file, "faq.txt")).isEqualTo(DocumentType.FAQ_CSV);
    }

    @Test
    void refusesBinaryGarbageNamingTheSupportedFormats() throws Exception {
        byte[] garbage = new byte[10_000];
        new Random(42).nextBytes(garbage);
        Path file = Fixtures.write(dir.resolve("manual.pdf"), garbage);

        assertThatThrownBy(() -> parser.parse(file, "manual.pdf", DocumentLimits.defaults()))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE);
                    assertThat(e.userMessage()).contains("Supported formats: PDF, Word (.docx), HTML, Markdown");
                });
    }

    @Test
    void refusesImagesAndSaysOcrIsNotSupported() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path file = Fixtures.write(dir.resolve("scan.pdf"), png);

        assertThatThrownBy(() -> parser.detect(file, "scan.pdf"))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.userMessage()).contains("OCR"));
    }

    @Test
    void refusesSpreadsheetsAndPlainZips() throws Exception {
        Path xlsx = dir.resolve("faq.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            workbook.createSheet("FAQ").createRow(0).createCell(0).setCellValue("Question");
            workbook.write(out);
        }
        Path zip = dir.resolve("docs.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("a.txt"));
            out.write("hello".getBytes());
            out.closeEntry();
        }

        assertThatThrownBy(() -> parser.detect(xlsx, "faq.docx"))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE);
                    assertThat(e.userMessage()).contains("CSV");
                });
        assertThatThrownBy(() -> parser.detect(zip, "docs.zip"))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE));
    }

    @Test
    void refusesEmptyFiles() throws Exception {
        Path file = Fixtures.write(dir.resolve("empty.txt"), new byte[0]);

        assertThatThrownBy(() -> parser.parse(file, "empty.txt", DocumentLimits.defaults()))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_TEXT));
    }

    @Test
    void refusesWhitespaceOnlyText() throws Exception {
        Path file = Fixtures.write(dir.resolve("blank.txt"), "  \n\n \t \n");

        assertThatThrownBy(() -> parser.parse(file, "blank.txt", DocumentLimits.defaults()))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_TEXT));
    }

    @Test
    void checksTheSizeBeforeReadingAnything() throws Exception {
        byte[] garbage = new byte[2048];
        Path file = Fixtures.write(dir.resolve("big.txt"), garbage);

        assertThatThrownBy(() -> parser.parse(file, "big.txt", DocumentLimits.defaults().withMaxBytes(1024)))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }
}
