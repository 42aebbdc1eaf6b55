package com.frontline.knowledge.parsing;

import com.frontline.knowledge.parsing.Fixtures.PdfLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of parse + chunk for a generated 200-page PDF (with bookmarks) and a 5 MB Markdown file. Not a test:
 * run it by hand (see BENCHMARKS.md) on an otherwise idle machine.
 */
public final class ParsingBenchmark {

    /** A 5 MB Markdown file is about 5.2 million characters of text: above the default cap of 5 million. */
    private static final DocumentLimits LIMITS = DocumentLimits.defaults().withMaxExtractedChars(10_000_000);

    private static final String[] WORDS = ("the customer may return any product within thirty days of delivery "
            + "provided that it is unused and in its original packaging refunds are issued to the original payment "
            + "method once the warehouse has inspected the item shipping costs are not refunded unless the item "
            + "arrived damaged or the wrong item was sent").split(" ");

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("parsing-benchmark");
        Path pdf = pdf(dir.resolve("manual.pdf"), 200);
        Path markdown = markdown(dir.resolve("manual.md"), 5 * 1024 * 1024);
        DocumentParser parser = new DocumentParser();
        Chunker chunker = Chunker.defaults();
        System.out.printf(Locale.ROOT, "PDF: %d pages, %.1f MB; Markdown: %.1f MB%n", 200,
                Files.size(pdf) / 1048576.0, Files.size(markdown) / 1048576.0);
        run("pdf 200 pages", parser, chunker, pdf, "manual.pdf", Files.size(pdf));
        run("markdown 5 MB", parser, chunker, markdown, "manual.md", Files.size(markdown));
    }

    private static void run(String label, DocumentParser parser, Chunker chunker, Path file, String name, long bytes)
            throws Exception {
        for (int i = 0; i < 3; i++) {
            chunker.chunk(parser.parse(file, name, LIMITS));
        }
        int runs = 5;
        long parseNanos = 0;
        long chunkNanos = 0;
        ParsedDocument doc = null;
        List<Chunk> chunks = List.of();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            doc = parser.parse(file, name, LIMITS);
            long parsed = System.nanoTime();
            chunks = chunker.chunk(doc);
            chunkNanos += System.nanoTime() - parsed;
            parseNanos += parsed - start;
        }
        double parseMs = parseNanos / 1e6 / runs;
        double chunkMs = chunkNanos / 1e6 / runs;
        System.out.printf(Locale.ROOT, "%-14s parse %7.1f ms  chunk %6.1f ms  total %7.1f ms  (%.1f MB/s of file, "
                        + "%.2f M chars/s)  blocks %d  chars %,d  chunks %d%n",
                label, parseMs, chunkMs, parseMs + chunkMs, bytes / 1048576.0 / ((parseMs + chunkMs) / 1000),
                doc.characterCount() / 1e6 / ((parseMs + chunkMs) / 1000), doc.blocks().size(),
                doc.characterCount(), chunks.size());
    }

    private static Path pdf(Path file, int pages) throws Exception {
        Fixtures.PdfBuilder builder = Fixtures.pdf();
        int word = 0;
        for (int page = 0; page < pages; page++) {
            List<PdfLine> lines = new ArrayList<>();
            if (page % 5 == 0) {
                lines.add(new PdfLine("Chapter " + (page / 5 + 1), 18));
                builder.bookmark(1, "Chapter " + (page / 5 + 1), page);
            }
            lines.add(new PdfLine("Section " + page, 14));
            builder.bookmark(2, "Section " + page, page);
            for (int line = 0; line < 40; line++) {
                if (line % 8 == 7) {
                    lines.add(PdfLine.gap());
                    continue;
                }
                StringBuilder text = new StringBuilder();
                while (text.length() < 85) {
                    text.append(WORDS[word++ % WORDS.length]).append(' ');
                }
                lines.add(PdfLine.body(text.toString().strip() + (line % 8 == 6 ? "." : "")));
            }
            builder.page(lines.toArray(PdfLine[]::new));
        }
        return builder.write(file);
    }

    private static Path markdown(Path file, int bytes) throws Exception {
        StringBuilder md = new StringBuilder(bytes + 1024);
        int word = 0;
        int section = 0;
        while (md.length() < bytes) {
            md.append("# Chapter ").append(section).append("\n\n");
            for (int sub = 0; sub < 4; sub++) {
                md.append("## Topic ").append(section).append('.').append(sub).append("\n\n");
                for (int paragraph = 0; paragraph < 3; paragraph++) {
                    for (int sentence = 0; sentence < 5; sentence++) {
                        for (int w = 0; w < 14; w++) {
                            md.append(WORDS[word++ % WORDS.length]).append(' ');
                        }
                        md.setLength(md.length() - 1);
                        md.append(". ");
                    }
                    md.append("\n\n");
                }
                md.append("- first item with **bold** text\n- second item with a [link](https://example.com)\n\n");
            }
            section++;
        }
        Files.writeString(file, md);
        return file;
    }
}
