package com.frontline.accounts.importing;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Delimited text streamed with FastCSV after sniffing its charset and delimiter from the first 64 KB. */
final class CsvSource implements Closeable {

    /** The longest record FastCSV may buffer; a hostile unterminated quote fails here instead of eating the heap. */
    private static final int MAX_RECORD_CHARS = 1 << 20;
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final Map<Character, String> NAMES = Map.of(',', "comma", ';', "semicolon", '\t', "tab", '|',
            "pipe");

    private final CsvReader<CsvRecord> reader;
    private final char delimiter;
    private final Charset charset;
    private final boolean bom;

    private CsvSource(CsvReader<CsvRecord> reader, char delimiter, Charset charset, boolean bom) {
        this.reader = reader;
        this.delimiter = delimiter;
        this.charset = charset;
        this.bom = bom;
    }

    static CsvSource open(Path file, FileSniffer.Sniffed sniffed) throws IOException {
        String sample;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(sniffed.bomLength());
            byte[] bytes = in.readNBytes(FileSniffer.SAMPLE_BYTES);
            sample = new String(bytes, sniffed.charset());
        }
        char delimiter = detectDelimiter(sample);
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(sniffed.bomLength());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(delimiter)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .maxBufferSize(MAX_RECORD_CHARS)
                .ofCsvRecord(new BufferedReader(new InputStreamReader(in, sniffed.charset()), 64 * 1024));
        return new CsvSource(reader, delimiter, sniffed.charset(), sniffed.bomLength() > 0);
    }

    /**
     * The candidate that splits the most lines into the same number of fields wins (ties: the one giving more
     * fields). Decimal commas then lose to ";" because they appear in some lines only.
     */
    static char detectDelimiter(String sample) {
        String[] lines = sample.split("\r\n|\n|\r");
        char best = ',';
        int bestLines = -1;
        int bestFields = -1;
        for (char candidate : CANDIDATES) {
            Map<Integer, Integer> histogram = new java.util.HashMap<>();
            int used = 0;
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                if (++used > 50) {
                    break;
                }
                int count = countOutsideQuotes(line, candidate);
                if (count > 0) {
                    histogram.merge(count, 1, Integer::sum);
                }
            }
            for (var entry : histogram.entrySet()) {
                int lineCount = entry.getValue();
                int fields = entry.getKey();
                if (lineCount > bestLines || lineCount == bestLines && fields > bestFields) {
                    best = candidate;
                    bestLines = lineCount;
                    bestFields = fields;
                }
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }

    String describe(boolean decimalComma) {
        return "CSV, " + NAMES.get(delimiter) + "-separated, " + charset.name()
                + (bom ? " with BOM" : "") + (decimalComma ? ", decimal comma" : "");
    }

    boolean semicolonOrTab() {
        return delimiter == ';' || delimiter == '\t';
    }

    /** Records as rows; line numbers are the file's (1-based) so that a user can find them in a text editor. */
    Iterator<SourceRow> rows(Deadline deadline) {
        Iterator<CsvRecord> records = reader.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (CsvParseException | UncheckedIOException e) {
                    throw new MalformedCsv(e);
                }
            }

            @Override
            public SourceRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CsvRecord record;
                try {
                    record = records.next();
                } catch (CsvParseException | UncheckedIOException e) {
                    throw new MalformedCsv(e);
                }
                List<String> fields = record.getFields();
                if (fields.size() > XlsxBook.MAX_COLUMNS * 4) {
                    fields = fields.subList(0, XlsxBook.MAX_COLUMNS * 4);
                }
                return new SourceRow((int) Math.min(Integer.MAX_VALUE, record.getStartingLineNumber()), fields, null);
            }
        };
    }

    /** A CSV the parser could not read (an unterminated quote, a record beyond the size limit). */
    static final class MalformedCsv extends RuntimeException {
        MalformedCsv(Exception cause) {
            super(cause);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
