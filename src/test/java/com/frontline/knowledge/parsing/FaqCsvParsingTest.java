package com.frontline.knowledge.parsing;

import com.frontline.knowledge.parsing.DocumentRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class FaqCsvParsingTest {

    private final DocumentParser parser = new DocumentParser();

    @TempDir
    Path dir;

    @Test
    void oneQuestionAnswerBlockPerRowUnderItsQuestion() throws Exception {
        Path file = Fixtures.write(dir.resolve("faq.csv"), """
                id,Question,Answer,category
                1,How do I reset my password?,"Click ""Forgot password"".
                Then check your inbox.",account
                2,Do you ship abroad?,Yes,shipping
                """);

        ParsedDocument doc = parser.parse(file, "faq.csv", DocumentLimits.defaults());

        assertThat(doc.type()).isEqualTo(DocumentType.FAQ_CSV);
        assertThat(doc.blocks()).extracting(Block::kind, Block::headingPath, Block::text).containsExactly(
                tuple(BlockKind.QUESTION_ANSWER, List.of("How do I reset my password?"),
                        "Q: How do I reset my password?\nA: Click \"Forgot password\".\nThen check your inbox."),
                tuple(BlockKind.QUESTION_ANSWER, List.of("Do you ship abroad?"),
                        "Q: Do you ship abroad?\nA: Yes"));
        assertThat(doc.warnings()).isEmpty();
    }

    @Test
    void germanHeadersSemicolonsAndBom() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Frage;Antwort\nWie lange dauert der Versand?;Zwei Tage\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        Path file = Fixtures.write(dir.resolve("faq.csv"), bytes);

        assertThat(parser.parse(file, "faq.csv", DocumentLimits.defaults()).blocks()).extracting(Block::text)
                .containsExactly("Q: Wie lange dauert der Versand?\nA: Zwei Tage");
    }

    @Test
    void tabsAndShortHeadersAndWindows1252() throws Exception {
        byte[] bytes = "Q\tA\nGrößen?\tS bis XXL\n".getBytes(Charset.forName("windows-1252"));
        Path file = Fixtures.write(dir.resolve("faq.tsv"), bytes);

        assertThat(parser.parse(file, "faq.tsv", DocumentLimits.defaults()).blocks()).extracting(Block::text)
                .containsExactly("Q: Größen?\nA: S bis XXL");
    }

    @Test
    void rowsWithoutQuestionOrAnswerAreSkippedWithAWarning() throws Exception {
        Path file = Fixtures.write(dir.resolve("faq.csv"), "question,answer\nA?,Yes\n,orphan answer\nB?,\nC?,No\n");

        ParsedDocument doc = parser.parse(file, "faq.csv", DocumentLimits.defaults());

        assertThat(doc.blocks()).hasSize(2);
        assertThat(doc.warnings()).containsExactly(
                "2 rows were skipped because the question or the answer is empty (lines 3, 4).");
    }

    @Test
    void aCsvWithoutQuestionAndAnswerColumnsIsRefusedWithTheExpectedNames() throws Exception {
        Path file = Fixtures.write(dir.resolve("prices.csv"), "product,price\nA,1\n");

        assertThatThrownBy(() -> parser.parse(file, "prices.csv", DocumentLimits.defaults()))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MISSING_COLUMNS);
                    assertThat(e.userMessage()).contains("question").contains("answer");
                });
    }
}
