package com.frontline.knowledge.parsing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunkerTest {

    private static Block block(BlockKind kind, String text, String... path) {
        return new Block(List.of(path), kind, text);
    }

    private static ParsedDocument doc(Block... blocks) {
        return new ParsedDocument("t", DocumentType.TEXT, List.of(blocks));
    }

    private static String sentences(int count, String prefix) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(prefix).append(" sentence number ").append(i).append(" has some words in it. ");
        }
        return text.toString().strip();
    }

    @Test
    void packsBlocksOfOneSectionAndStartsANewChunkPerSection() {
        List<Chunk> chunks = new Chunker(200, 20).chunk(doc(
                block(BlockKind.HEADING, "Returns", "Returns"),
                block(BlockKind.PARAGRAPH, "Within 30 days.", "Returns"),
                block(BlockKind.LIST_ITEM, "Keep the receipt", "Returns"),
                block(BlockKind.LIST_ITEM, "Use the label", "Returns"),
                block(BlockKind.HEADING, "Refunds", "Refunds"),
                block(BlockKind.PARAGRAPH, "Paid in five days.", "Refunds")));

        assertThat(chunks).extracting(Chunk::ordinal).containsExactly(0, 1);
        assertThat(chunks.get(0).headingPath()).containsExactly("Returns");
        assertThat(chunks.get(0).text()).isEqualTo("Returns\n\nWithin 30 days.\n\nKeep the receipt\nUse the label");
        assertThat(chunks.get(1).headingPath()).containsExactly("Refunds");
        assertThat(chunks.get(1).text()).isEqualTo("Refunds\n\nPaid in five days.");
    }

    @Test
    void aHeadingWithoutTextJoinsItsFirstSubsection() {
        List<Chunk> chunks = new Chunker(200, 20).chunk(doc(
                block(BlockKind.HEADING, "Shipping", "Shipping"),
                block(BlockKind.HEADING, "Domestic", "Shipping", "Domestic"),
                block(BlockKind.PARAGRAPH, "Two days.", "Shipping", "Domestic"),
                block(BlockKind.HEADING, "Abroad", "Shipping", "Abroad"),
                block(BlockKind.PARAGRAPH, "A week.", "Shipping", "Abroad")));

        assertThat(chunks).extracting(Chunk::text)
                .containsExactly("Shipping\n\nDomestic\n\nTwo days.", "Abroad\n\nA week.");
        assertThat(chunks).extracting(Chunk::headingPath)
                .containsExactly(List.of("Shipping", "Domestic"), List.of("Shipping", "Abroad"));
    }

    @Test
    void headingsWithoutAnyTextMakeNoChunk() {
        List<Chunk> chunks = new Chunker(200, 20).chunk(doc(
                block(BlockKind.HEADING, "Empty section", "Empty section"),
                block(BlockKind.HEADING, "Real section", "Real section"),
                block(BlockKind.PARAGRAPH, "Text.", "Real section"),
                block(BlockKind.HEADING, "Trailing", "Trailing")));

        assertThat(chunks).extracting(Chunk::ordinal, Chunk::text)
                .containsExactly(org.assertj.core.api.Assertions.tuple(0, "Real section\n\nText."));
    }

    @Test
    void fullSectionsOverflowIntoMoreChunksOfTheSamePath() {
        List<Block> blocks = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> blocks.add(block(BlockKind.PARAGRAPH, sentences(1, "P" + i), "A")));
        List<Chunk> chunks = new Chunker(150, 20).chunk(new ParsedDocument("t", DocumentType.TEXT, blocks));

        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(c -> {
            assertThat(c.text().length()).isLessThanOrEqualTo(150);
            assertThat(c.headingPath()).containsExactly("A");
        });
        assertThat(String.join("\n\n", chunks.stream().map(Chunk::text).toList()))
                .isEqualTo(String.join("\n\n", blocks.stream().map(Block::text).toList()));
    }

    @Test
    void longBlocksSplitAtSentencesWithOverlap() {
        String text = sentences(40, "S");
        List<Chunk> chunks = new Chunker(300, 60).chunk(doc(block(BlockKind.PARAGRAPH, text, "Long")));

        assertThat(chunks).hasSizeGreaterThan(3).allSatisfy(c -> {
            assertThat(c.text().length()).isLessThanOrEqualTo(300);
            assertThat(c.text()).startsWith("S sentence").endsWith(".");
            assertThat(c.headingPath()).containsExactly("Long");
        });
        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1).text();
            String current = chunks.get(i).text();
            String firstSentence = current.substring(0, current.indexOf('.') + 1);
            assertThat(previous).as("chunk %d repeats the end of chunk %d", i, i - 1).endsWith(firstSentence);
            assertThat(firstSentence.length()).isLessThanOrEqualTo(60);
        }
    }

    @Test
    void sentencesLongerThanTheLimitSplitAtWordsAndWordsAnywhere() {
        String words = "word ".repeat(200).strip();
        String monster = "x".repeat(450);
        List<Chunk> chunks = new Chunker(100, 10).chunk(doc(
                block(BlockKind.PARAGRAPH, words, "A"),
                block(BlockKind.PARAGRAPH, monster, "B")));

        assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(100));
        assertThat(chunks).filteredOn(c -> c.headingPath().equals(List.of("A")))
                .allSatisfy(c -> assertThat(c.text()).matches("word( word)*"));
        assertThat(chunks).filteredOn(c -> c.headingPath().equals(List.of("B")))
                .extracting(Chunk::text).containsExactly("x".repeat(100), "x".repeat(100), "x".repeat(100),
                        "x".repeat(100), "x".repeat(50));
    }

    @Test
    void shortQuestionAnswersAreNeverSplitNorMerged() {
        List<Chunk> chunks = new Chunker(200, 20).chunk(doc(
                block(BlockKind.QUESTION_ANSWER, "Q: Why?\nA: Because. It is so. Really.", "Why?"),
                block(BlockKind.QUESTION_ANSWER, "Q: When?\nA: Now.", "When?")));

        assertThat(chunks).extracting(Chunk::text)
                .containsExactly("Q: Why?\nA: Because. It is so. Really.", "Q: When?\nA: Now.");
        assertThat(chunks).extracting(Chunk::headingPath).containsExactly(List.of("Why?"), List.of("When?"));
    }

    @Test
    void longQuestionAnswersSplitButKeepTheirQuestionAsPath() {
        String qa = "Q: How?\nA: " + sentences(20, "Step");
        List<Chunk> chunks = new Chunker(200, 30).chunk(doc(block(BlockKind.QUESTION_ANSWER, qa, "How?")));

        assertThat(chunks).hasSizeGreaterThan(1)
                .allSatisfy(c -> assertThat(c.headingPath()).containsExactly("How?"));
        assertThat(chunks.getFirst().text()).startsWith("Q: How?\nA: Step sentence number 0");
    }

    @Test
    void outputIsDeterministicAndIdenticalTextHashesAlike() {
        ParsedDocument document = doc(
                block(BlockKind.PARAGRAPH, sentences(30, "Same"), "A"),
                block(BlockKind.PARAGRAPH, "Identical text.", "B"),
                block(BlockKind.PARAGRAPH, "Identical text.", "C"));
        Chunker chunker = Chunker.defaults();

        List<Chunk> first = chunker.chunk(document);
        assertThat(chunker.chunk(document)).isEqualTo(first);
        assertThat(first.get(first.size() - 1).contentHash()).isEqualTo(first.get(first.size() - 2).contentHash());
        assertThat(first.getFirst().contentHash()).matches("[0-9a-f]{64}");
        assertThat(first.stream().map(Chunk::contentHash).distinct()).hasSize(first.size() - 1);
    }

    @Test
    void hashIgnoresWhitespaceDifferencesOnly() {
        assertThat(Chunker.contentHash("Return  within\n30 days. ")).isEqualTo(Chunker.contentHash("Return within 30 days."));
        assertThat(Chunker.contentHash("Return within 30 days.")).isNotEqualTo(Chunker.contentHash("Return within 31 days."));
        // SHA-256("abc"), so that other services can recompute hashes.
        assertThat(Chunker.contentHash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void defaultsAndValidation() {
        assertThat(Chunker.defaults().maxChars()).isEqualTo(1200);
        assertThat(Chunker.defaults().overlapChars()).isEqualTo(150);
        assertThatThrownBy(() -> new Chunker(100, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Chunker.defaults().chunk(doc())).isEmpty();
    }

    @Test
    void parsedDocumentsChunkEndToEnd() throws Exception {
        ParsedDocument parsed = new DocumentParser().fromText("Help", "# Orders\nTrack your order online.\n\n"
                + "# Returns\n" + sentences(60, "Return"));

        List<Chunk> chunks = Chunker.defaults().chunk(parsed);

        assertThat(chunks.getFirst().text()).isEqualTo("Orders\n\nTrack your order online.");
        assertThat(chunks.subList(1, chunks.size())).allSatisfy(c -> {
            assertThat(c.headingPath()).containsExactly("Returns");
            assertThat(c.text().length()).isLessThanOrEqualTo(1200);
        });
        assertThat(chunks).extracting(Chunk::ordinal).containsExactlyElementsOf(
                IntStream.range(0, chunks.size()).boxed().toList());
    }
}
