package com.frontline.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An admin maps a wide KPI export (one column per KPI) once; the next month's file is recognised by itself. */
class KpiMappingE2E extends E2ETest {

    static final String BOARD = """
            Customer,Month,NPS,CSAT %,Logins
            Contoso,2026-10-31,41,72%,1200
            Fabrikam,2026-10-31,35,,980
            """;

    @Test
    void aWideLayoutIsMappedThroughTheFormAndRecognisedNextTime() throws Exception {
        String format = unique("Board export");
        patientOnABusyMachine();
        page.setViewportSize(1366, 860);
        new Pages.LoginPage(page, portal).signIn("admin@acme.test", "frontline-demo");
        upload(file("board-october.csv", BOARD));

        assertThat(page.locator("[data-testid=column-mapping]")).isVisible();
        assertThat(page.locator("[data-testid=column-mapping]")).containsText("We did not recognise this layout");
        page.locator("select[name='col:0']").selectOption("ACCOUNT_NAME");
        page.locator("select[name='col:1']").selectOption("DATE");
        for (int column = 2; column <= 4; column++) {
            page.locator("select[name='col:" + column + "']").selectOption("KPI");
        }
        page.locator("input[name=formatName]").fill(format);
        Browsers.screenshot(page, "kpi-mapping-wide");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply mapping")).click();

        assertThat(page.getByText("Saved the format")).isVisible();
        assertThat(page.locator("[data-testid=report-summary]")).containsText("saved format '" + format + "'");
        assertThat(page.locator("[data-testid=accepted-count]")).hasText("5");
        page.reload(); // the report has its own address: reloading is a GET, not a resubmitted form
        assertThat(page.locator("[data-testid=accepted-count]")).hasText("5");
        Browsers.screenshot(page, "kpi-mapping-applied");
        page.setViewportSize(390, 844);
        Browsers.screenshot(page, "kpi-mapping-applied-narrow");
        page.setViewportSize(1366, 860);

        page.locator("[data-testid=confirm-import]").click();
        assertThat(page.getByText("Imported 5 KPI values")).isVisible();
        assertThat(page.locator(".health-chart")).containsText("Contoso");

        upload(file("board-november.csv", BOARD.replace("2026-10-31", "2026-11-30")));
        assertThat(page.locator("[data-testid=report-summary]")).containsText("saved format '" + format + "'");
        assertThat(page.locator("[data-testid=column-mapping]")).hasCount(0);
        assertThat(page.locator("[data-testid=accepted-count]")).hasText("5");
    }

    private void upload(Path file) {
        page.navigate(portal.url("/w/acme/accounts"));
        page.locator("input[type=file][name=file]").setInputFiles(file);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Validate")).click();
    }

    private static Path file(String name, String text) throws Exception {
        Path file = Files.createTempDirectory("kpi").resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Uploads and page loads can take far longer than the defaults when the machine is shared. */
    private void patientOnABusyMachine() {
        context.setDefaultTimeout(60_000);
        context.setDefaultNavigationTimeout(90_000);
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }
}
