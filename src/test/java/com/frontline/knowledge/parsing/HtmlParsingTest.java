package com.frontline.knowledge.parsing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class HtmlParsingTest {

    private final DocumentParser parser = new DocumentParser();

    @TempDir
    Path dir;

    @Test
    void keepsContentDropsChromeAndBuildsHeadingPaths() throws Exception {
        Path file = Fixtures.write(dir.resolve("help.html"), """
                <!DOCTYPE html>
                <html><head><title>Help Centre</title><style>p{color:red}</style></head>
                <body>
                  <header><a href="/">Home</a> Login</header>
                  <nav><ul><li>Menu item</li></ul></nav>
                  <main>
                    <h1>Orders</h1>
                    <p>How to <b>track</b> an order.</p>
                    <h2>Cancelling</h2>
                    <div>Loose text in a div.</div>
                    <ul><li>Open the order<ul><li>Nested step</li></ul></li><li>Click cancel</li></ul>
                    <h2>Prices</h2>
                    <table><tr><th>Plan</th><th>Price</th></tr><tr><td>Basic</td><td>10 EUR</td></tr></table>
                    <h1>Returns</h1>
                    <p>Within 30 days.</p>
                  </main>
                  <aside>Related articles</aside>
                  <script>alert('x')</script>
                  <footer>© ACME</footer>
                </body></html>
                """);

        ParsedDocument doc = parser.parse(file, "help.html", DocumentLimits.defaults());

        assertThat(doc.title()).isEqualTo("Help Centre");
        assertThat(doc.blocks()).extracting(Block::kind, Block::headingPath, Block::text).containsExactly(
                tuple(BlockKind.HEADING, List.of("Orders"), "Orders"),
                tuple(BlockKind.PARAGRAPH, List.of("Orders"), "How to track an order."),
                tuple(BlockKind.HEADING, List.of("Orders", "Cancelling"), "Cancelling"),
                tuple(BlockKind.PARAGRAPH, List.of("Orders", "Cancelling"), "Loose text in a div."),
                tuple(BlockKind.LIST_ITEM, List.of("Orders", "Cancelling"), "Open the order"),
                tuple(BlockKind.LIST_ITEM, List.of("Orders", "Cancelling"), "Nested step"),
                tuple(BlockKind.LIST_ITEM, List.of("Orders", "Cancelling"), "Click cancel"),
                tuple(BlockKind.HEADING, List.of("Orders", "Prices"), "Prices"),
                tuple(BlockKind.TABLE_ROW, List.of("Orders", "Prices"), "Plan: Basic; Price: 10 EUR"),
                tuple(BlockKind.HEADING, List.of("Returns"), "Returns"),
                tuple(BlockKind.PARAGRAPH, List.of("Returns"), "Within 30 days."));
    }

    @Test
    void titleFallsBackToTheFirstH1() throws Exception {
        Path file = Fixtures.write(dir.resolve("a.html"), "<html><body><h1>Warranty</h1><p>Two years.</p></body></html>");

        assertThat(parser.parse(file, "a.html", DocumentLimits.defaults()).title()).isEqualTo("Warranty");
    }
}
