package com.frontline.knowledge.parsing;

import com.frontline.knowledge.parsing.DocumentRejectedException.Reason;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * FAQ lists exported from spreadsheets or help desks: a header row names a question and an answer column (English or
 * German, any case), the separator is whichever of comma, semicolon or tab makes both names appear (Excel writes
 * semicolons in German locales and tabs for "Unicode text"). Other columns are ignored. Each row becomes one
 * {@link BlockKind#QUESTION_ANSWER} block filed under its question.
 */
final class FaqCsvExtractor {

    private static final Set<String> QUESTION_NAMES = Set.of("q", "question", "questions", "frage", "fragen");
    private static final Set<String> ANSWER_NAMES = Set.of("a", "answer", "answers", "antwort", "antworten");
    private static final char[] SEPARATORS = {',', ';', '\t'};
    private static final int LISTED_SKIPPED_LINES = 10;

    record Header(char separator, int questionColumn, int answerColumn) {
    }

    private FaqCsvExtractor() {
    }

    /** The header layout of {@code firstLine}, or null when no separator yields both a question and an answer column. */
    static @Nullable Header findHeader(String firstLine) {
        String line = firstLine.replace("\uFEFF", "").strip();
        if (line.isEmpty() || line.length() > 4096) {
            return null;
        }
        for (char separator : SEPARATORS) {
            if (line.indexOf(separator) < 0) {
                continue;
            }
            List<String> fields;
            try {
                fields = CsvReader.builder().fieldSeparator(separator).ofSingleCsvRecord(line).getFields();
            } catch (RuntimeException malformed) {
                continue;
            }
            int question = -1;
            int answer = -1;
            for (int i = 0; i < fields.size(); i++) {
                String name = fields.get(i).strip().toLowerCase(Locale.ROOT);
                if (question < 0 && QUESTION_NAMES.contains(name)) {
                    question = i;
                } else if (answer < 0 && ANSWER_NAMES.contains(name)) {
                    answer = i;
                }
            }
            if (question >= 0 && answer >= 0) {
                return new Header(separator, question, answer);
            }
        }
        return null;
    }

    static ParsedDocument extract(String text, String fallbackTitle, Budget budget) throws DocumentRejectedException {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Header header = findHeader(TypeDetector.firstLine(content.stripLeading()));
        if (header == null) {
            throw new DocumentRejectedException(Reason.MISSING_COLUMNS, "A FAQ file needs a header row with a "
                    + "question column (question, q or Frage) and an answer column (answer, a or Antwort), separated "
                    + "by commas, semicolons or tabs.");
        }
        BlockCollector out = new BlockCollector(budget);
        int skipped = 0;
        List<Long> skippedLines = new ArrayList<>();
        CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(header.separator())
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(content.stripLeading());
        boolean first = true;
        for (CsvRecord row : reader) {
            if (first) {
                first = false;
                continue;
            }
            String question = field(row, header.questionColumn());
            String answer = field(row, header.answerColumn());
            if (question.isBlank() && answer.isBlank()) {
                continue;
            }
            if (question.isBlank() || answer.isBlank()) {
                skipped++;
                if (skippedLines.size() < LISTED_SKIPPED_LINES) {
                    skippedLines.add(row.getStartingLineNumber());
                }
                continue;
            }
            out.questionAnswer(question, answer);
        }
        if (skipped > 0) {
            out.warn(skipped + (skipped == 1 ? " row was" : " rows were") + " skipped because the question or the "
                    + "answer is empty (line" + (skippedLines.size() == 1 ? " " : "s ")
                    + String.join(", ", skippedLines.stream().map(String::valueOf).toList())
                    + (skipped > skippedLines.size() ? ", …" : "") + ").");
        }
        return out.finish(fallbackTitle, DocumentType.FAQ_CSV);
    }

    private static String field(CsvRecord row, int index) {
        return index < row.getFieldCount() ? row.getField(index) : "";
    }
}
