package com.frontline.knowledge.parsing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MarkdownParsingTest {

    private final DocumentParser parser = new DocumentParser();

    @TempDir
    Path dir;

    @Test
    void headingsParagraphsListsAndCode() throws Exception {
        Path file = Fixtures.write(dir.resolve("guide.md"), """
                ---
                title: Setup Guide
                ---
                # Installation
                Download the *installer* from [our site](https://example.com/dl).

                ## Linux
                - Unpack the archive
                - Run the script
                  1. as root

                ```
                sudo ./install.sh
                  --quiet
                ```

                # Support
                Write to us.
                """);

        ParsedDocument doc = parser.parse(file, "guide.md", DocumentLimits.defaults());

        assertThat(doc.title()).isEqualTo("Setup Guide");
        assertThat(doc.blocks()).extracting(Block::kind, Block::headingPath, Block::text).containsExactly(
                tuple(BlockKind.HEADING, List.of("Installation"), "Installation"),
                tuple(BlockKind.PARAGRAPH, List.of("Installation"),
                        "Download the installer from our site (https://example.com/dl)."),
                tuple(BlockKind.HEADING, List.of("Installation", "Linux"), "Linux"),
                tuple(BlockKind.LIST_ITEM, List.of("Installation", "Linux"), "Unpack the archive"),
                tuple(BlockKind.LIST_ITEM, List.of("Installation", "Linux"), "Run the script"),
                tuple(BlockKind.LIST_ITEM, List.of("Installation", "Linux"), "as root"),
                tuple(BlockKind.PARAGRAPH, List.of("Installation", "Linux"), "sudo ./install.sh\n  --quiet"),
                tuple(BlockKind.HEADING, List.of("Support"), "Support"),
                tuple(BlockKind.PARAGRAPH, List.of("Support"), "Write to us."));
    }
}
