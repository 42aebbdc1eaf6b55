package com.frontline.demo;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's files in the formats customers upload. The Word and PDF help pages are written from plain-text sources
 * ({@code # } heading, {@code ## } section, blank-line paragraphs) at start-up, so their wording stays reviewable in
 * the repository; the KPI file is generated so that its months are always the last six.
 */
final class DemoFiles {

    private DemoFiles() {
    }

    /** A section of a help page: a heading (level 1 or 2) or a paragraph (level 0). */
    record Part(int level, String text) {
    }

    static List<Part> parts(String source) {
        List<Part> parts = new ArrayList<>();
        for (String block : source.strip().split("\\R\\s*\\R")) {
            String text = block.strip().replaceAll("\\s*\\R\\s*", " ");
            if (text.startsWith("## ")) {
                parts.add(new Part(2, text.substring(3)));
            } else if (text.startsWith("# ")) {
                parts.add(new Part(1, text.substring(2)));
            } else if (!text.isEmpty()) {
                parts.add(new Part(0, text));
            }
        }
        return parts;
    }

    /** A Word document with real heading styles, as Word writes them, so the parser files passages under them. */
    static byte[] docx(String source) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Part part : parts(source)) {
                XWPFParagraph paragraph = doc.createParagraph();
                if (part.level() > 0) {
                    paragraph.setStyle("Heading" + part.level());
                }
                var run = paragraph.createRun();
                run.setText(part.text());
                if (part.level() > 0) {
                    run.setBold(true);
                    run.setFontSize(part.level() == 1 ? 20 : 14);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with a text layer; headings are set larger than the body, which is how the parser finds them. */
    static byte[] pdf(String source) {
        PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        float margin = 64;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfWriter writer = new PdfWriter(doc, margin);
            for (Part part : parts(source)) {
                PDFont font = part.level() > 0 ? bold : regular;
                float size = part.level() == 1 ? 20 : part.level() == 2 ? 14 : 10.5f;
                writer.gap(part.level() > 0 ? size * 0.9f : 4);
                for (String line : wrap(part.text(), font, size, PDRectangle.A4.getWidth() - 2 * margin)) {
                    writer.line(line, font, size);
                }
            }
            writer.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Writes lines top to bottom, starting a new A4 page when one is full. */
    private static final class PdfWriter {
        private final PDDocument doc;
        private final float margin;
        private PDPageContentStream content;
        private float y;

        PdfWriter(PDDocument doc, float margin) throws IOException {
            this.doc = doc;
            this.margin = margin;
            newPage();
        }

        void gap(float points) {
            y -= points;
        }

        void line(String text, PDFont font, float size) throws IOException {
            if (y - size * 1.4f < margin) {
                content.close();
                newPage();
            }
            y -= size * 1.4f;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(margin, y);
            content.showText(text);
            content.endText();
        }

        void close() throws IOException {
            content.close();
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - margin;
        }
    }

    /** One KPI of the demo accounts and how it moved over the last six months (oldest first). */
    record Trend(String kpi, String category, int weight, String impact, String direction, boolean percent,
                 double... monthly) {
    }

    record DemoAccount(String name, List<Trend> trends) {
    }

    /** The KPI import as a CSV in Frontline's simple list layout, one row per account, KPI and month. */
    static byte[] kpiCsv(List<DemoAccount> accounts, LocalDate today) {
        StringBuilder csv = new StringBuilder("Account Name,KPI Name,Value,Category,Weight,Impact Level,Date,Direction\n");
        LocalDate thisMonth = today.withDayOfMonth(1);
        for (DemoAccount account : accounts) {
            for (Trend t : account.trends()) {
                for (int i = 0; i < t.monthly().length; i++) {
                    LocalDate month = thisMonth.minusMonths(t.monthly().length - 1 - i);
                    String value = BigDecimal.valueOf(t.monthly()[i]).setScale(1, RoundingMode.HALF_UP)
                            .stripTrailingZeros().toPlainString() + (t.percent() ? "%" : "");
                    csv.append(String.join(",", account.name(), t.kpi(), value, t.category(),
                            String.valueOf(t.weight()), t.impact(), month.toString(), t.direction())).append('\n');
                }
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
