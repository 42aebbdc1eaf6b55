package com.frontline.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An admin uploads a PDF and watches it reach "Indexed" without reloading the page. */
class KnowledgeE2E extends E2ETest {

    @Test
    void anUploadedPdfReachesIndexed() throws Exception {
        Path pdf = Files.createTempDirectory("kb").resolve("shipping-policy.pdf");
        writePdf(pdf, "Shipping policy", "Orders ship within two business days. Express delivery costs 9 euros.");

        new Pages.LoginPage(page, portal).signIn("admin@acme.test", "frontline-demo");
        page.navigate(portal.url("/w/acme/knowledge"));
        page.locator("input[type=file][name=files]").setInputFiles(pdf);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload").setExact(true)).click();

        assertThat(page.locator("[data-testid=upload-results]")).containsText("Queued for indexing");
        // titled by the PDF's own heading, not by the lower-case file name
        assertThat(page.locator("[data-testid='status-Shipping policy']"))
                .hasText("Indexed", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                        .setTimeout(INDEXING_TIMEOUT_MS));
        assertThat(page.locator("[data-testid=kb-status]")).containsText("Ready");
        Browsers.screenshot(page, "knowledge");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Shipping policy")).click();
        assertThat(page.getByText("v1 (live)")).isVisible();
        Browsers.screenshot(page, "knowledge-document");
    }

    static void writePdf(Path file, String heading, String body) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage p = new PDPage();
            doc.addPage(p);
            try (PDPageContentStream content = new PDPageContentStream(doc, p)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 18);
                content.newLineAtOffset(72, 700);
                content.showText(heading);
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(0, -28);
                content.showText(body);
                content.endText();
            }
            doc.save(file.toFile());
        }
    }
}
