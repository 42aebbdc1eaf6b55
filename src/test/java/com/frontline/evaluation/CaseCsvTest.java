package com.frontline.evaluation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a CSV file of evaluation cases: all rows or none, every limit enforced while reading. */
class CaseCsvTest {

    static final CaseCsv.Limits LIMITS = CaseCsv.Limits.defaults();

    static CaseCsv.Report read(String text) {
        return CaseCsv.read("cases.csv", text.getBytes(StandardCharsets.UTF_8), LIMITS);
    }

    @Test
    void readsQuestionsAnswersAndOptionalSourcesInFileOrder() {
        CaseCsv.Report report = read("""
                question,expected_answer,expected_source
                How long do refunds take?,"Refunds take 5 business days, to the original method.",Returns policy
                Do you ship abroad?,We ship to the EU.,
                """);

        assertThat(report.clean()).isTrue();
        assertThat(report.rowsRead()).isEqualTo(2);
        assertThat(report.cases()).extracting(CaseCsv.NewCase::question)
                .containsExactly("How long do refunds take?", "Do you ship abroad?");
        assertThat(report.cases().getFirst().expectedAnswer()).contains("5 business days, to the original");
        assertThat(report.cases().getFirst().expectedSource()).isEqualTo("Returns policy");
        assertThat(report.cases().get(1).expectedSource()).isNull();
    }

    @Test
    void acceptsAByteOrderMarkSemicolonsAndAHeaderWithoutTheOptionalColumn() {
        byte[] bytes = ("\uFEFFQuestion;Expected answer\r\nWhere are you?;In Berlin.\r\n")
                .getBytes(StandardCharsets.UTF_8);

        CaseCsv.Report report = CaseCsv.read("cases.csv", bytes, LIMITS);

        assertThat(report.clean()).isTrue();
        assertThat(report.cases()).singleElement().satisfies(c -> {
            assertThat(c.question()).isEqualTo("Where are you?");
            assertThat(c.expectedAnswer()).isEqualTo("In Berlin.");
        });
    }

    @Test
    void refusesAFileWithoutTheHeader() {
        CaseCsv.Report report = read("How long do refunds take?,5 business days\n");

        assertThat(report.clean()).isFalse();
        assertThat(report.refusal()).contains("header question, expected_answer, expected_source")
                .contains("How long do refunds take?");
        assertThat(report.cases()).isEmpty();
    }

    @Test
    void refusesAnUnknownColumn() {
        assertThat(read("question,answer\nQ,A\n").refusal()).contains("first row must be the header");
    }

    @Test
    void reportsEveryBadRowWithItsLineAndKeepsNone() {
        CaseCsv.Report report = read("question,expected_answer\n"
                + "Good question?,Good answer.\n"
                + ",An answer without a question\n"
                + "A question without an answer?,\n"
                + "Long?," + "x".repeat(5001) + "\n"
                + "good question?,The same question again.\n");

        assertThat(report.clean()).isFalse();
        assertThat(report.refusal()).isNull();
        assertThat(report.problems()).extracting(CaseCsv.Problem::line).containsExactly(3, 4, 5, 6);
        assertThat(report.problems()).extracting(CaseCsv.Problem::message).containsExactly(
                "The question is empty.", "The expected answer is empty.", "Longer than 5000 characters (5001).",
                "The same question is on line 2.");
        assertThat(report.problems().get(2).value()).hasSizeLessThan(200);
    }

    @Test
    void aQuestionMustFitOneChatMessage() {
        CaseCsv.Report report = read("question,expected_answer\n" + "q".repeat(4001) + ",An answer.\n");

        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("Longer than the 4000 characters the assistant takes in one message (4001)."));
    }

    @Test
    void refusesMoreRowsThanTheLimit() {
        StringBuilder csv = new StringBuilder("question,expected_answer\n");
        for (int i = 0; i <= LIMITS.maxRows(); i++) {
            csv.append("Question ").append(i).append("?,Answer ").append(i).append('\n');
        }

        CaseCsv.Report report = read(csv.toString());

        assertThat(report.refusal()).isEqualTo("The file has more than 2000 cases; split it into smaller files.");
        assertThat(report.cases()).isEmpty();
    }

    @Test
    void refusesAFileLargerThanTheLimitBeforeReadingIt() {
        CaseCsv.Limits small = new CaseCsv.Limits(1024 * 1024, 2000, 5000, Duration.ofSeconds(10));
        byte[] bytes = new byte[1024 * 1024 + 1];

        assertThat(CaseCsv.read("big.csv", bytes, small).refusal()).startsWith("The file is larger than 1 MB");
    }

    @Test
    void refusesBinaryFilesAndOtherEncodings() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("data.bin"));
            out.write(new byte[]{1, 2, 3});
            out.closeEntry();
        }
        assertThat(CaseCsv.read("cases.csv", zip.toByteArray(), LIMITS).refusal()).contains("not a CSV file");
        assertThat(CaseCsv.read("cases.csv", new byte[]{'q', 0, 1, 2, 3}, LIMITS).refusal())
                .contains("not text");
        byte[] latin1 = "question,expected_answer\nCafé?,Oui\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CaseCsv.read("cases.csv", latin1, LIMITS).refusal()).contains("not UTF-8");
    }

    @Test
    void refusesAnEmptyFileAndAHeaderWithoutRows() {
        assertThat(read("").refusal()).startsWith("The file is empty");
        assertThat(read("question,expected_answer\n\n").refusal()).contains("no cases");
    }

    @Test
    void refusesAnUnclosedQuoteThatRunsToTheEnd() {
        CaseCsv.Report report = read("question,expected_answer\nFine?,Fine.\n\"Never closed," + "y".repeat(30_000)
                + "\nLast?,Last.\n");

        assertThat(report.clean()).isFalse();
        assertThat(report.problems()).extracting(CaseCsv.Problem::line).containsOnly(3);
        assertThat(report.problems()).extracting(CaseCsv.Problem::message)
                .contains("The expected answer is empty.", "Longer than 5000 characters (30025).");
    }

    @Test
    void keepsMarkupAsTextForThePageToEscape() {
        CaseCsv.Report report = read("question,expected_answer\n<script>alert(1)</script>?,<b>bold</b>\n");

        assertThat(report.cases().getFirst().question()).isEqualTo("<script>alert(1)</script>?");
    }
}
