package com.frontline.evaluation;

import com.frontline.chat.ChatService;
import com.frontline.shared.FileKind;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a CSV file of evaluation cases ({@code question, expected_answer, expected_source}; a header row
 * is required, UTF-8). Every limit is enforced while reading, like the KPI upload's: the file size, the number of
 * rows, the length of a field and the time the read may take. The result is all or nothing: the cases of a clean
 * file, or the problems that keep it out.
 */
public final class CaseCsv {

    /** The columns, as the header names them. */
    public static final String QUESTION = "question";
    public static final String EXPECTED_ANSWER = "expected_answer";
    public static final String EXPECTED_SOURCE = "expected_source";
    private static final List<String> COLUMNS = List.of(QUESTION, EXPECTED_ANSWER, EXPECTED_SOURCE);

    /**
     * @param maxBytes     the largest file accepted
     * @param maxRows      the most cases one file may hold
     * @param maxChars     the longest question, answer or source
     * @param maxParseTime wall-clock time the read may take; checked between rows
     */
    public record Limits(long maxBytes, int maxRows, int maxChars, Duration maxParseTime) {

        /** 2 MB, 2,000 cases, 5,000 characters a field, 10 seconds. */
        public static Limits defaults() {
            return new Limits(2L * 1024 * 1024, 2000, 5000, Duration.ofSeconds(10));
        }
    }

    /** A case read from a row. */
    public record NewCase(int line, String question, String expectedAnswer, @Nullable String expectedSource) {
    }

    /**
     * Why one row was not accepted.
     *
     * @param line   the file's line number (1-based, as a text editor shows it)
     * @param column the header of the column, empty when the problem is the row as a whole
     * @param value  the value as written, shortened for display
     * @param hint   what to change so that the row is accepted
     */
    public record Problem(int line, String column, String value, String message, String hint) {
    }

    /**
     * What reading a file found.
     *
     * @param refusal  the whole file is refused (not CSV, bad header, too many rows…): one sentence; null otherwise
     * @param rowsRead non-blank data rows read
     * @param cases    the rows without problems, in file order
     */
    public record Report(String filename, @Nullable String refusal, int rowsRead, List<NewCase> cases,
                         List<Problem> problems) {

        public Report {
            cases = List.copyOf(cases);
            problems = List.copyOf(problems);
        }

        /** Nothing keeps the file out: every row is a case. */
        public boolean clean() {
            return refusal == null && problems.isEmpty() && !cases.isEmpty();
        }
    }

    private static final int SHOWN_VALUE = 120;

    private CaseCsv() {
    }

    public static Report read(String filename, byte[] bytes, Limits limits) {
        try {
            return parse(filename, bytes, limits);
        } catch (Refused e) {
            return new Report(filename, e.getMessage(), 0, List.of(), List.of());
        }
    }

    private static Report parse(String filename, byte[] bytes, Limits limits) throws Refused {
        long deadline = System.nanoTime() + limits.maxParseTime().toNanos();
        if (bytes.length > limits.maxBytes()) {
            throw new Refused("The file is larger than " + limits.maxBytes() / (1024 * 1024) + " MB; split it into "
                    + "smaller files of at most " + limits.maxRows() + " cases.");
        }
        String text = utf8Text(bytes);
        if (text.isBlank()) {
            throw new Refused("The file is empty; it needs a header row (" + String.join(", ", COLUMNS)
                    + ") and one row per case.");
        }
        char separator = separator(text);
        List<Problem> problems = new ArrayList<>();
        List<NewCase> cases = new ArrayList<>();
        Map<String, Integer> columns = null;
        Map<String, Integer> seen = new HashMap<>();
        int rows = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .maxBufferSize(limits.maxChars() * 4 + 1024)
                .ofCsvRecord(text)) {
            for (CsvRecord record : reader) {
                if (System.nanoTime() - deadline > 0) {
                    throw new Refused("Reading the file took longer than " + limits.maxParseTime().toSeconds()
                            + " s, so it was stopped; split it into smaller files.");
                }
                List<String> fields = record.getFields();
                int line = (int) Math.min(Integer.MAX_VALUE, record.getStartingLineNumber());
                if (columns == null) {
                    columns = header(fields);
                    continue;
                }
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (++rows > limits.maxRows()) {
                    throw new Refused("The file has more than " + limits.maxRows() + " cases; split it into "
                            + "smaller files.");
                }
                NewCase c = row(line, fields, columns, limits, problems);
                if (c != null) {
                    String key = c.question().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                    Integer first = seen.putIfAbsent(key, line);
                    if (first != null) {
                        problems.add(new Problem(line, QUESTION, shown(c.question()), "The same question is on line "
                                + first + ".", "Keep one row per question."));
                    } else {
                        cases.add(c);
                    }
                }
            }
        } catch (CsvParseException | UncheckedIOException e) {
            throw new Refused("The file could not be read as CSV (a field is longer than " + limits.maxChars()
                    + " characters, or a quote is not closed); check the quotes around fields.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (columns == null) {
            throw new Refused("The file is empty; it needs a header row (" + String.join(", ", COLUMNS) + ").");
        }
        if (rows == 0) {
            throw new Refused("The file has a header but no cases; add one row per case below it.");
        }
        return new Report(filename, null, rows, cases, problems);
    }

    /** The file's bytes as UTF-8 text (a BOM dropped); a binary file or another encoding is refused. */
    private static String utf8Text(byte[] bytes) throws Refused {
        FileKind kind = kindOf(bytes);
        if (kind != FileKind.OTHER) {
            throw new Refused("The file is " + kind.description() + ", not a CSV file. Save the cases as "
                    + "“CSV UTF-8” with the columns " + String.join(", ", COLUMNS) + ".");
        }
        int sample = Math.min(bytes.length, 64 * 1024);
        for (int i = 0; i < sample; i++) {
            if (bytes[i] == 0) {
                throw new Refused("The file is not text (it holds binary data, or it is UTF-16). Save the cases as "
                        + "“CSV UTF-8”.");
            }
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Refused("The file is not UTF-8 text. Save it again as “CSV UTF-8” (Excel: File › Save As › "
                    + "CSV UTF-8).");
        }
    }

    private static FileKind kindOf(byte[] bytes) {
        Path file = null;
        try {
            file = Files.createTempFile("evaluation-cases", ".upload");
            Files.write(file, bytes);
            return FileKind.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /** Commas, unless the header has none and semicolons or tabs instead (Excel in some languages). */
    static char separator(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        if (header.indexOf(',') >= 0) {
            return ',';
        }
        if (header.indexOf(';') >= 0) {
            return ';';
        }
        return header.indexOf('\t') >= 0 ? '\t' : ',';
    }

    private static Map<String, Integer> header(List<String> fields) throws Refused {
        Map<String, Integer> columns = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
            if (name.isEmpty() && i == fields.size() - 1) {
                continue; // a trailing separator
            }
            if (!COLUMNS.contains(name)) {
                unknown.add(fields.get(i).strip());
            } else if (columns.putIfAbsent(name, i) != null) {
                throw new Refused("The header names the column “" + name + "” twice; keep one.");
            }
        }
        if (!columns.containsKey(QUESTION) || !columns.containsKey(EXPECTED_ANSWER) || !unknown.isEmpty()) {
            String found = String.join(", ", fields.stream().map(f -> shown(f.strip())).toList());
            throw new Refused("The first row must be the header " + String.join(", ", COLUMNS) + " (the last is "
                    + "optional); this file's first row is “" + found + "”.");
        }
        return columns;
    }

    private static @Nullable NewCase row(int line, List<String> fields, Map<String, Integer> columns, Limits limits,
                                         List<Problem> problems) {
        int before = problems.size();
        String question = field(fields, columns.get(QUESTION));
        String answer = field(fields, columns.get(EXPECTED_ANSWER));
        Integer sourceColumn = columns.get(EXPECTED_SOURCE);
        String source = sourceColumn == null ? "" : field(fields, sourceColumn);
        if (question.isEmpty()) {
            problems.add(new Problem(line, QUESTION, "", "The question is empty.",
                    "Write the question as a customer would ask it, or delete the row."));
        }
        if (answer.isEmpty()) {
            problems.add(new Problem(line, EXPECTED_ANSWER, shown(question), "The expected answer is empty.",
                    "Write the answer that is right for the question."));
        }
        for (var entry : List.of(Map.entry(QUESTION, question), Map.entry(EXPECTED_ANSWER, answer),
                Map.entry(EXPECTED_SOURCE, source))) {
            if (entry.getValue().length() > limits.maxChars()) {
                problems.add(new Problem(line, entry.getKey(), shown(entry.getValue()), "Longer than "
                        + limits.maxChars() + " characters (" + entry.getValue().length() + ").",
                        "Shorten it to at most " + limits.maxChars() + " characters."));
            }
        }
        int asked = Math.min(limits.maxChars(), ChatService.MAX_MESSAGE_LENGTH);
        if (question.length() > asked && question.length() <= limits.maxChars()) {
            problems.add(new Problem(line, QUESTION, shown(question), "Longer than the " + asked + " characters the "
                    + "assistant takes in one message (" + question.length() + ").",
                    "Shorten the question to at most " + asked + " characters."));
        }
        int width = columns.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        if (fields.size() > width && fields.subList(width, fields.size()).stream().anyMatch(f -> !f.isBlank())) {
            problems.add(new Problem(line, "", shown(String.join(",", fields.subList(width, fields.size()))),
                    "The row has more fields than the header.", "Put quotes around fields that contain a comma."));
        }
        if (problems.size() > before) {
            return null;
        }
        return new NewCase(line, question, answer, source.isEmpty() ? null : source);
    }

    private static String field(List<String> fields, int index) {
        return index < fields.size() ? fields.get(index).strip() : "";
    }

    private static String shown(String value) {
        return value.length() <= SHOWN_VALUE ? value : value.substring(0, SHOWN_VALUE) + "…";
    }

    private static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
