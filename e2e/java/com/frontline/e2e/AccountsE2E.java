package com.frontline.e2e;

import com.frontline.accounts.importing.KpiTemplates;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An admin imports a KPI workbook with some bad rows: report first, then confirm, then health scores. */
class AccountsE2E extends E2ETest {

    @Test
    void aWorkbookWithBadRowsIsReportedThenImported() throws Exception {
        Path workbook = workbookWithBadRows();

        new Pages.LoginPage(page, portal).signIn("admin@acme.test", "frontline-demo");
        page.navigate(portal.url("/w/acme/accounts"));
        page.locator("input[type=file][name=file]").setInputFiles(workbook);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Validate")).click();

        assertThat(page.locator("[data-testid=report-summary]")).containsText("Standard KPI workbook");
        assertThat(page.locator("[data-testid=problem-count]")).hasText("2");
        assertThat(page.locator("[data-testid=problems]")).containsText("n/a");
        assertThat(page.locator("[data-testid=problems]")).containsText("Urgent");
        Browsers.screenshot(page, "accounts-report");

        page.locator("[data-testid=confirm-import]").click();
        assertThat(page.getByText("Imported")).isVisible();
        assertThat(page.locator(".health-chart")).containsText("Northwind Traders");
        Browsers.screenshot(page, "accounts");

        page.locator(".health-chart a").first().click();
        assertThat(page.locator("[data-testid=health-score]")).isVisible();
        Browsers.screenshot(page, "account");
    }

    /** The standard template with our account name and two broken rows appended to "KPI Data". */
    static Path workbookWithBadRows() throws Exception {
        Path file = Files.createTempDirectory("kpi").resolve("northwind-kpis.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(KpiTemplates.standardWorkbook()))) {
            workbook.getSheet("Account Info").getRow(0).getCell(1).setCellValue("Northwind Traders");
            Sheet kpis = workbook.getSheet("KPI Data");
            Row notANumber = kpis.createRow(kpis.getLastRowNum() + 1);
            String[] bad1 = {"Engagement", "Weekly active users", "n/a", "1", "High", "Engagement"};
            for (int i = 0; i < bad1.length; i++) {
                notANumber.createCell(i).setCellValue(bad1[i]);
            }
            Row badImpact = kpis.createRow(kpis.getLastRowNum() + 1);
            badImpact.createCell(0).setCellValue("Support");
            badImpact.createCell(1).setCellValue("Ticket backlog");
            badImpact.createCell(2).setCellValue(0.4);
            badImpact.createCell(3).setCellValue(1);
            badImpact.createCell(4).setCellValue("Urgent");
            badImpact.createCell(5).setCellValue("Support");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }
}
