package com.frontline.chat;

import com.frontline.shared.SpreadsheetCells;
import com.frontline.shared.privacy.PersonalData;
import de.siegmar.fastcsv.writer.CsvWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The review page's filtered set as files: CSV (one row per answer, every text cell safe to open in a spreadsheet)
 * and JSON Lines (one object per answer). Both write row by row to the given writer; nothing is collected.
 * The customer's question and comment and the answer leave with personal data (e-mail addresses, phone numbers,
 * card numbers, IBANs) replaced by placeholders ({@link PersonalData#redact}).
 */
public final class FeedbackReviewExports {

    static final List<String> CSV_HEADER = List.of("time", "conversationId", "messageId", "channel", "question",
            "answer", "rating", "reasons", "comment", "confidence", "fellBack", "handedOff", "implicitScore",
            "provider", "model", "citations");

    private FeedbackReviewExports() {
    }

    /** A CSV writer: the header at once, then a row per answer; {@code close()} flushes (the writer stays open). */
    public static Sink csv(Writer out) {
        CsvWriter csv = CsvWriter.builder().build(out);
        csv.writeRecord(CSV_HEADER);
        return new Sink(row -> csv.writeRecord(csvRow(row)), csv::flush);
    }

    /** A JSON Lines writer: one object per answer, each on its own line. */
    public static Sink jsonl(Writer out, JsonMapper json) {
        return new Sink(row -> {
            try {
                out.write(json.writeValueAsString(jsonObject(row)));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, out::flush);
    }

    static List<String> csvRow(FeedbackReviewRow r) {
        return List.of(time(r), r.conversationId().toString(), r.messageId().toString(), r.channel().name(),
                cell(redact(r.question())), cell(redact(r.answer())), rating(r.rating()),
                String.join(" ", r.reasons()), cell(redact(r.comment())), number(r.confidence()), String.valueOf(r.lowConfidence()),
                String.valueOf(r.handedOff()), number(r.implicitScore()), cell(r.provider()), cell(r.model()),
                cell(r.citations().stream()
                        .map(c -> "[" + c.number() + "] " + c.title() + (c.url() == null ? "" : " <" + c.url() + ">"))
                        .collect(Collectors.joining("; "))));
    }

    static Map<String, Object> jsonObject(FeedbackReviewRow r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("time", time(r));
        o.put("conversationId", r.conversationId().toString());
        o.put("messageId", r.messageId().toString());
        o.put("channel", r.channel().name());
        o.put("question", redact(r.question()));
        o.put("answer", redact(r.answer()));
        o.put("rating", r.rating() == null ? null : rating(r.rating()));
        o.put("reasons", r.reasons());
        o.put("comment", redact(r.comment()));
        o.put("confidence", r.confidence());
        o.put("fellBack", r.lowConfidence());
        o.put("handedOff", r.handedOff());
        o.put("implicitScore", r.implicitScore());
        o.put("provider", r.provider());
        o.put("model", r.model());
        List<Map<String, Object>> citations = new ArrayList<>();
        for (Citation c : r.citations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", c.number());
            m.put("documentId", c.documentId().toString());
            m.put("title", c.title());
            m.put("url", c.url());
            citations.add(m);
        }
        o.put("citations", citations);
        return o;
    }

    private static String time(FeedbackReviewRow r) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(r.createdAt().withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static @Nullable String redact(@Nullable String text) {
        return text == null ? null : PersonalData.redact(text);
    }

    private static String rating(@Nullable Integer rating) {
        return rating == null ? "" : rating > 0 ? "up" : "down";
    }

    private static String number(@Nullable Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String cell(@Nullable String text) {
        return text == null ? "" : SpreadsheetCells.safe(text);
    }

    /** Takes rows one by one; {@link #close()} flushes what is buffered. */
    public static final class Sink implements Consumer<FeedbackReviewRow>, Closeable {
        private final Consumer<FeedbackReviewRow> write;
        private final Flush flush;

        private Sink(Consumer<FeedbackReviewRow> write, Flush flush) {
            this.write = write;
            this.flush = flush;
        }

        @Override
        public void accept(FeedbackReviewRow row) {
            write.accept(row);
        }

        @Override
        public void close() throws IOException {
            flush.run();
        }
    }

    @FunctionalInterface
    private interface Flush {
        void run() throws IOException;
    }
}
