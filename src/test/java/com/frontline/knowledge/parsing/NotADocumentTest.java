package com.frontline.knowledge.parsing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file given to the knowledge upload that is not a document is told what it is and what to do. */
class NotADocumentTest {

    private final DocumentParser parser = new DocumentParser();

    @TempDir
    Path dir;

    @Test
    void openDocumentAndIWorkFilesAreNamed() throws Exception {
        assertThat(refusal("policy.odt", zip("mimetype", "application/vnd.oasis.opendocument.text",
                "content.xml", "<office/>")))
                .startsWith("This file is an OpenDocument text document (LibreOffice/OpenOffice, .odt): save it as a "
                        + "Word document (.docx) or PDF");
        assertThat(refusal("faq.ods", zip("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                "content.xml", "<office/>")))
                .startsWith("This file is an OpenDocument spreadsheet").contains("save the sheet as CSV");
        assertThat(refusal("deck.odp", zip("mimetype", "application/vnd.oasis.opendocument.presentation",
                "content.xml", "<office/>")))
                .startsWith("This file is an OpenDocument presentation").contains("save it as PDF");
        assertThat(refusal("policy.pages", zip("Index/Document.iwa", "x", "Metadata/Properties.plist", "x")))
                .startsWith("This file is an Apple Pages document (.pages)");
        assertThat(refusal("docs.zip", zip("a.txt", "hello")))
                .startsWith("This file is a zip archive: archives are not supported");
    }

    private String refusal(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        String[] message = new String[1];
        assertThatThrownBy(() -> parser.detect(file, name))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> message[0] = e.userMessage());
        return message[0];
    }

    private byte[] zip(String... nameAndContent) throws IOException {
        Path file = Files.createTempFile(dir, "zip", ".zip");
        try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                zip.putNextEntry(new ZipEntry(nameAndContent[i]));
                zip.write(nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
        return Files.readAllBytes(file);
    }
}
