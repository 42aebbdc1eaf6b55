package com.frontline.knowledge.parsing;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Builds test documents in code, so that every fixture shows what it contains. */
final class Fixtures {

    private Fixtures() {
    }

    /** A line of PDF text at a font size; a blank text leaves a paragraph gap. */
    record PdfLine(String text, float size) {
        static PdfLine body(String text) {
            return new PdfLine(text, 11);
        }

        static PdfLine gap() {
            return new PdfLine("", 11);
        }
    }

    record Bookmark(int level, String title, int page) {
    }

    static final class PdfBuilder {
        private final List<List<PdfLine>> pages = new ArrayList<>();
        private final List<Bookmark> bookmarks = new ArrayList<>();
        private String title;
        private StandardProtectionPolicy protection;

        PdfBuilder page(PdfLine... lines) {
            pages.add(List.of(lines));
            return this;
        }

        PdfBuilder blankPage() {
            pages.add(List.of());
            return this;
        }

        PdfBuilder bookmark(int level, String title, int page) {
            bookmarks.add(new Bookmark(level, title, page));
            return this;
        }

        PdfBuilder title(String value) {
            this.title = value;
            return this;
        }

        PdfBuilder userPassword(String password) {
            protection = new StandardProtectionPolicy("owner-secret", password, new AccessPermission());
            protection.setEncryptionKeyLength(128);
            return this;
        }

        PdfBuilder ownerPasswordOnly() {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanModify(false);
            permissions.setCanPrint(false);
            protection = new StandardProtectionPolicy("owner-secret", "", permissions);
            protection.setEncryptionKeyLength(128);
            return this;
        }

        Path write(Path file) throws IOException {
            try (PDDocument doc = new PDDocument()) {
                PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
                for (List<PdfLine> lines : pages) {
                    PDPage page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                        float y = 780;
                        for (PdfLine line : lines) {
                            y -= line.size() * 1.4f;
                            if (line.text().isEmpty()) {
                                y -= 14;
                                continue;
                            }
                            content.beginText();
                            content.setFont(font, line.size());
                            content.newLineAtOffset(60, y);
                            content.showText(line.text());
                            content.endText();
                        }
                        if (lines.isEmpty()) {
                            // A drawing but no text: what a scan without a text layer looks like to a text stripper.
                            content.addRect(100, 100, 300, 300);
                            content.fill();
                        }
                    }
                }
                if (!bookmarks.isEmpty()) {
                    PDDocumentOutline outline = new PDDocumentOutline();
                    doc.getDocumentCatalog().setDocumentOutline(outline);
                    List<PDOutlineNode> open = new ArrayList<>(List.of(outline));
                    for (Bookmark bookmark : bookmarks) {
                        PDOutlineItem item = new PDOutlineItem();
                        item.setTitle(bookmark.title());
                        PDPageFitDestination destination = new PDPageFitDestination();
                        destination.setPage(doc.getPage(bookmark.page()));
                        item.setDestination(destination);
                        while (open.size() > bookmark.level()) {
                            open.removeLast();
                        }
                        open.getLast().addLast(item);
                        open.add(item);
                    }
                }
                if (title != null) {
                    PDDocumentInformation info = new PDDocumentInformation();
                    info.setTitle(title);
                    doc.setDocumentInformation(info);
                }
                if (protection != null) {
                    doc.protect(protection);
                }
                doc.save(file.toFile());
            }
            return file;
        }
    }

    static PdfBuilder pdf() {
        return new PdfBuilder();
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    static Path save(XWPFDocument doc, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            doc.write(out);
        }
        doc.close();
        return file;
    }

    /** Copies a zip and adds one more entry: for macro-enabled and zip-bomb variants of a real DOCX. */
    static Path withExtraEntry(Path source, Path target, String name, InputStream content) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(name));
            content.transferTo(out);
            out.closeEntry();
        }
        return target;
    }

    /** An endless-looking stream of zeros of a given length, without holding it in memory. */
    static InputStream zeros(long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }
}
