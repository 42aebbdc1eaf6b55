package com.frontline.knowledge.parsing;

import com.frontline.knowledge.parsing.DocumentRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PlainTextParsingTest {

    private final DocumentParser parser = new DocumentParser();

    @TempDir
    Path dir;

    @Test
    void capsNumberedAndShortLinesBecomeHeadings() throws Exception {
        Path file = Fixtures.write(dir.resolve("policy.txt"), """
                RETURNS POLICY

                Items can be returned within 30 days
                of delivery.

                Damaged items

                Report damage within 48 hours.

                2. Refunds
                Refunds take five days.

                - Card payments
                - Bank transfer,
                  takes longer

                Thank you for shopping with us.
                """);

        ParsedDocument doc = parser.parse(file, "policy.txt", DocumentLimits.defaults());

        assertThat(doc.title()).isEqualTo("RETURNS POLICY");
        assertThat(doc.blocks()).extracting(Block::kind, Block::headingPath, Block::text).containsExactly(
                tuple(BlockKind.HEADING, List.of("RETURNS POLICY"), "RETURNS POLICY"),
                tuple(BlockKind.PARAGRAPH, List.of("RETURNS POLICY"),
                        "Items can be returned within 30 days of delivery."),
                tuple(BlockKind.HEADING, List.of("RETURNS POLICY", "Damaged items"), "Damaged items"),
                tuple(BlockKind.PARAGRAPH, List.of("RETURNS POLICY", "Damaged items"),
                        "Report damage within 48 hours."),
                tuple(BlockKind.HEADING, List.of("2. Refunds"), "2. Refunds"),
                tuple(BlockKind.PARAGRAPH, List.of("2. Refunds"), "Refunds take five days."),
                tuple(BlockKind.LIST_ITEM, List.of("2. Refunds"), "Card payments"),
                tuple(BlockKind.LIST_ITEM, List.of("2. Refunds"), "Bank transfer, takes longer"),
                tuple(BlockKind.PARAGRAPH, List.of("2. Refunds"), "Thank you for shopping with us."));
    }

    @Test
    void aTitleLineRightAboveItsTextIsAHeadingNotPartOfTheFirstSentence() {
        ParsedDocument doc = parser.fromText("doc-17", """
                History of the National Football League
                The rival American Football League was founded in 1960. It forced a merger.""");

        assertThat(doc.blocks()).extracting(Block::kind, Block::headingPath, Block::text).containsExactly(
                tuple(BlockKind.HEADING, List.of("History of the National Football League"),
                        "History of the National Football League"),
                tuple(BlockKind.PARAGRAPH, List.of("History of the National Football League"),
                        "The rival American Football League was founded in 1960. It forced a merger."));
    }

    @Test
    void aHardWrappedSentenceIsNoTitle() {
        ParsedDocument doc = parser.fromText("Shipping", """
                We ship to
                Germany and France within two days.
                Refunds are paid back to the card
                Visa or Mastercard you used.""");

        assertThat(doc.blocks()).extracting(Block::kind).containsOnly(BlockKind.PARAGRAPH);
    }

    @Test
    void numberedLinesOnTheirOwnStayAList() {
        ParsedDocument doc = parser.fromText("List", "1. Milk\n2. Eggs\n3. Bread");

        assertThat(doc.blocks()).extracting(Block::kind).containsOnly(BlockKind.LIST_ITEM);
    }

    @Test
    void pastedTextTreatsHashLinesAsHeadingsAndKeepsItsTitle() {
        ParsedDocument doc = parser.fromText("Opening hours", """
                # Stores
                Open 9 to 5.
                ## Berlin
                Open until 8 on Thursdays.
                """);

        assertThat(doc.title()).isEqualTo("Opening hours");
        assertThat(doc.blocks()).extracting(Block::headingPath, Block::text).containsExactly(
                tuple(List.of("Stores"), "Stores"),
                tuple(List.of("Stores"), "Open 9 to 5."),
                tuple(List.of("Stores", "Berlin"), "Berlin"),
                tuple(List.of("Stores", "Berlin"), "Open until 8 on Thursdays."));
    }

    @Test
    void blankPastedTextGivesNoBlocks() {
        assertThat(parser.fromText("", "  \n ").blocks()).isEmpty();
    }

    @Test
    void pastedTextUnderLimitsIsBounded() {
        assertThatThrownBy(() -> parser.fromText("t", "x".repeat(1000), DocumentLimits.defaults()
                .withMaxExtractedChars(100)))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MUCH_TEXT));
    }

    @Test
    void stopsAtTheDeadline() throws Exception {
        Path file = Fixtures.write(dir.resolve("big.txt"), "A sentence of text.\n\n".repeat(50_000));

        assertThatThrownBy(() -> parser.parse(file, "big.txt", DocumentLimits.defaults()
                .withMaxParseTime(Duration.ofMillis(2))))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_SLOW));
    }
}
