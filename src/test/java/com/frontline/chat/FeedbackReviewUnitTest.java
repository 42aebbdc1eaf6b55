package com.frontline.chat;

import com.frontline.shared.SpreadsheetCells;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The review page's pure parts: the sparkline path, CSV cells, the LIKE escaping and the page position. */
class FeedbackReviewUnitTest {

    @Test
    void theSparklineDrawsDailyValuesAndBreaksOnDaysWithoutAny() {
        var line = FeedbackReviewSparkline.of(Arrays.asList(0.0, 1.0, null, 0.5), 1);
        // x from 2 to 118 in 3 steps of 38.7; y from 30 (0) to 2 (1)
        assertThat(line.path()).isEqualTo("M2.0 30.0 L40.7 2.0 M118.0 16.0");
        assertThat(line.lastX()).isEqualTo(118.0);
        assertThat(FeedbackReviewSparkline.of(Arrays.asList(null, null), 1).empty()).isTrue();
        assertThat(FeedbackReviewSparkline.of(List.of(2.0), 1).path()).isEqualTo("M60.0 2.0");
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreNeutralised() {
        assertThat(SpreadsheetCells.safe("=1+2")).isEqualTo("'=1+2");
        assertThat(SpreadsheetCells.safe("  @SUM(A1)")).isEqualTo("'  @SUM(A1)");
        assertThat(SpreadsheetCells.safe("-5 days")).isEqualTo("'-5 days");
        assertThat(SpreadsheetCells.safe("\tx")).isEqualTo("'\tx");
        assertThat(SpreadsheetCells.safe("＝1")).isEqualTo("'＝1");
        assertThat(SpreadsheetCells.safe("Where is my parcel?")).isEqualTo("Where is my parcel?");
        assertThat(SpreadsheetCells.safe("")).isEmpty();
    }

    @Test
    void theCsvExportQuotesAndNeutralisesEveryTextCell() throws Exception {
        var row = new FeedbackReviewRow(UUID.randomUUID(), UUID.randomUUID(),
                OffsetDateTime.parse("2026-12-07T10:15:30.5+01:00"), Channel.WIDGET, "=cmd|' /C calc'!A0",
                "Line one,\n\"two\"", -1, List.of("INCORRECT"), "+call me", 0.4567, true, false, null, "openai",
                "-model", List.of());
        var out = new StringWriter();
        try (var sink = FeedbackReviewExports.csv(out)) {
            sink.accept(row);
        }
        String csv = out.toString();
        assertThat(csv).startsWith(String.join(",", FeedbackReviewExports.CSV_HEADER));
        assertThat(csv).contains("2026-12-07T09:15:30.5Z").contains("'=cmd|' /C calc'!A0")
                .contains("\"Line one,\n\"\"two\"\"\"").contains(",down,INCORRECT,'+call me,0.457,true,false,,")
                .contains(",'-model,");
    }

    @Test
    void bothExportsLeaveWithPersonalDataRedacted() throws Exception {
        var row = new FeedbackReviewRow(UUID.randomUUID(), UUID.randomUUID(),
                OffsetDateTime.parse("2026-12-07T10:15:30Z"), Channel.WIDGET,
                "Order 12345678: mail jane@example.com or call +44 20 7946 0958",
                "We refunded the card 4111 1111 1111 1111.", -1, List.of("INCORRECT"),
                "Pay to DE89 3704 0044 0532 0130 00", null, false, false, null, null, null, List.of());
        var csvOut = new StringWriter();
        try (var sink = FeedbackReviewExports.csv(csvOut)) {
            sink.accept(row);
        }
        var jsonOut = new StringWriter();
        try (var sink = FeedbackReviewExports.jsonl(jsonOut, tools.jackson.databind.json.JsonMapper.builder().build())) {
            sink.accept(row);
        }
        for (String exported : List.of(csvOut.toString(), jsonOut.toString())) {
            assertThat(exported).contains("Order 12345678: mail [email] or call [phone]")
                    .contains("We refunded the card [card].").contains("Pay to [iban]")
                    .doesNotContain("jane@").doesNotContain("7946").doesNotContain("4111").doesNotContain("DE89");
        }
    }

    @Test
    void likePatternsTakeTheSearchLiterally() {
        assertThat(FeedbackReviewRepository.escapeLike("50%_off!")).isEqualTo("50!%!_off!!");
    }

    @Test
    void aPagePositionSurvivesItsLinkAndRejectsAnythingElse() {
        var c = new FeedbackReviewCursor(OffsetDateTime.parse("2026-12-07T10:15:30.123456Z"), UUID.randomUUID());
        assertThat(FeedbackReviewCursor.parse(c.token())).isEqualTo(c);
        assertThatThrownBy(() -> FeedbackReviewCursor.parse("abc_def")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeedbackReviewCursor.parse("_")).isInstanceOf(IllegalArgumentException.class);
    }
}
