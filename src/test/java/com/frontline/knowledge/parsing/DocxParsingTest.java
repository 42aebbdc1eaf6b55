package com.frontline.knowledge.parsing;

import com.frontline.knowledge.parsing.DocumentRejectedException.Reason;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class DocxParsingTest {

    private final DocumentParser parser = new DocumentParser();

    @TempDir
    Path dir;

    @Test
    void headingsFromStylesListsAndTablesAsRows() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        // German Word stores the id "berschrift1" but the English name "heading 1": the name decides.
        addStyle(doc, "berschrift1", "heading 1");
        paragraph(doc, "Title", "Employee Handbook");
        paragraph(doc, "berschrift1", "Leave");
        paragraph(doc, null, "Everyone gets 30 days of paid leave.");
        paragraph(doc, "Heading2", "Sick leave");
        XWPFParagraph item = paragraph(doc, null, "Call your manager before 9 am");
        item.setNumID(BigInteger.ONE);
        XWPFParagraph item2 = paragraph(doc, null, "Send a doctor's note after three days");
        item2.setNumID(BigInteger.ONE);
        paragraph(doc, "Heading1", "Benefits");
        XWPFTable table = doc.createTable(3, 2);
        cell(table, 0, 0, "Benefit");
        cell(table, 0, 1, "Amount");
        cell(table, 1, 0, "Lunch");
        cell(table, 1, 1, "8 EUR a day");
        cell(table, 2, 0, "Travel");
        cell(table, 2, 1, "Public transport pass");
        Path file = Fixtures.save(doc, dir.resolve("handbook.docx"));

        ParsedDocument parsed = parser.parse(file, "handbook.docx", DocumentLimits.defaults());

        assertThat(parsed.type()).isEqualTo(DocumentType.DOCX);
        assertThat(parsed.title()).isEqualTo("Employee Handbook");
        assertThat(parsed.blocks()).extracting(Block::kind, Block::headingPath, Block::text).containsExactly(
                tuple(BlockKind.HEADING, List.of("Leave"), "Leave"),
                tuple(BlockKind.PARAGRAPH, List.of("Leave"), "Everyone gets 30 days of paid leave."),
                tuple(BlockKind.HEADING, List.of("Leave", "Sick leave"), "Sick leave"),
                tuple(BlockKind.LIST_ITEM, List.of("Leave", "Sick leave"), "Call your manager before 9 am"),
                tuple(BlockKind.LIST_ITEM, List.of("Leave", "Sick leave"), "Send a doctor's note after three days"),
                tuple(BlockKind.HEADING, List.of("Benefits"), "Benefits"),
                tuple(BlockKind.TABLE_ROW, List.of("Benefits"), "Benefit: Lunch; Amount: 8 EUR a day"),
                tuple(BlockKind.TABLE_ROW, List.of("Benefits"), "Benefit: Travel; Amount: Public transport pass"));
    }

    @Test
    void refusesZipBombs() throws Exception {
        Path plain = simpleDocx("plain.docx");
        Path bomb = Fixtures.withExtraEntry(plain, dir.resolve("bomb.docx"), "word/media/image1.png",
                Fixtures.zeros(200L * 1024 * 1024));
        assertThat(Files.size(bomb)).isLessThan(1024 * 1024);

        assertThatThrownBy(() -> parser.parse(bomb, "bomb.docx", DocumentLimits.defaults()))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT));
    }

    @Test
    void refusesMacroEnabledDocumentsWhateverTheirName() throws Exception {
        Path plain = simpleDocx("plain.docx");
        Path docm = Fixtures.withExtraEntry(plain, dir.resolve("innocent.docx"), "word/vbaProject.bin",
                new ByteArrayInputStream(new byte[] {1, 2, 3}));

        assertThatThrownBy(() -> parser.parse(docm, "innocent.docx", DocumentLimits.defaults()))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MACROS);
                    assertThat(e.userMessage()).contains(".docx");
                });
    }

    @Test
    void refusesLegacyDocAndAsksForDocx() throws Exception {
        Path doc = ole2("old.doc", "WordDocument");

        assertThatThrownBy(() -> parser.parse(doc, "old.doc", DocumentLimits.defaults()))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.LEGACY_FORMAT);
                    assertThat(e.userMessage()).contains("Save As").contains(".docx");
                });
    }

    @Test
    void refusesPasswordProtectedWordDocuments() throws Exception {
        Path doc = ole2("locked.docx", "EncryptedPackage");

        assertThatThrownBy(() -> parser.parse(doc, "locked.docx", DocumentLimits.defaults()))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ENCRYPTED));
    }

    @Test
    void refusesMoreTextThanTheLimit() throws Exception {
        Path file = simpleDocx("long.docx");

        assertThatThrownBy(() -> parser.parse(file, "long.docx", DocumentLimits.defaults().withMaxExtractedChars(5)))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MUCH_TEXT));
    }

    private Path simpleDocx(String name) throws Exception {
        XWPFDocument doc = new XWPFDocument();
        paragraph(doc, "Heading1", "Hello");
        paragraph(doc, null, "World of documents.");
        return Fixtures.save(doc, dir.resolve(name));
    }

    private Path ole2(String name, String entry) throws Exception {
        Path file = dir.resolve(name);
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), entry);
            fs.writeFilesystem(out);
        }
        return file;
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String style, String text) {
        XWPFParagraph paragraph = doc.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        }
        paragraph.createRun().setText(text);
        return paragraph;
    }

    private static void cell(XWPFTable table, int row, int col, String text) {
        table.getRow(row).getCell(col).setText(text);
    }

    private static void addStyle(XWPFDocument doc, String id, String name) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.addNewName().setVal(name);
        style.setType(STStyleType.PARAGRAPH);
        doc.createStyles().addStyle(new XWPFStyle(style));
    }
}
