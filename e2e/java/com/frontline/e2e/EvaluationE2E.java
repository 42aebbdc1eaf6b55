package com.frontline.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin adds a document, uploads three evaluation cases about it, runs the set twice (watching the progress bar
 * finish), sees the totals and compares the two runs; a bad file gets the validation report. At 1366 and 390 px.
 */
class EvaluationE2E extends E2ETest {

    static final LocatorAssertions.IsVisibleOptions LONG = new LocatorAssertions.IsVisibleOptions().setTimeout(120_000);

    private String slug;

    @Test
    void uploadRunAndCompareTheEvaluationSet() throws Exception {
        context.close();
        context = Browsers.get().newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        // its own workspace: the demo one gets cases from the corrections other tests approve there
        slug = unique("eval");
        new Pages.SignUpPage(page, portal).signUp("Evan Evaluator", slug + "@owner.example");
        new Pages.WorkspaceStep(page).create("Gift Shop", slug, "E-commerce & retail");
        assertThat(page.getByText("Step 2 of 5")).isVisible();

        String title = unique("Gift card terms");
        page.navigate(portal.url("/w/" + slug + "/knowledge"));
        page.locator("input[name=title]").fill(title);
        page.locator("textarea[name=text]").fill("""
                Gift cards are sold in amounts of 25, 50 and 100 euros. A gift card is valid for three years \
                from the day it was bought. Gift cards cannot be exchanged for cash.""");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add text")).click();
        awaitIndexed(page, title);

        page.navigate(portal.url("/w/" + slug + "/evaluation"));
        Path bad = Files.createTempDirectory("eval").resolve("bad.csv");
        Files.writeString(bad, "question,expected_answer\n,No question here\n<b>Bold?</b>,\n", StandardCharsets.UTF_8);
        page.locator("[data-testid=cases-file]").setInputFiles(bad);
        page.locator("[data-testid=upload-cases]").click();
        assertThat(page.locator("[data-testid=upload-report]")).containsText("Nothing was added");
        assertThat(page.locator("[data-testid=problems]")).containsText("The question is empty.");
        assertThat(page.locator("[data-testid=problems]")).containsText("<b>Bold?</b>");
        Browsers.screenshot(page, "evaluation-report");

        Path cases = bad.resolveSibling("cases.csv");
        Files.writeString(cases, """
                question,expected_answer,expected_source
                How long is a gift card valid?,A gift card is valid for three years from the day it was bought.,%s
                Which amounts do gift cards come in?,"Gift cards are sold in amounts of 25, 50 and 100 euros.",%s
                Can I exchange a gift card for cash?,No. Gift cards cannot be exchanged for cash.,
                """.formatted(title, title), StandardCharsets.UTF_8);
        page.locator("[data-testid=cases-file]").setInputFiles(cases);
        page.locator("[data-testid=upload-cases]").click();
        assertThat(page.locator("#flash")).containsText("Added 3 cases");
        assertThat(page.locator("[data-testid=cases]")).containsText("How long is a gift card valid?");

        String first = runAndWait(3);
        assertThat(page.locator("[data-testid=results]")).containsText("three years");
        Browsers.screenshot(page, "evaluation-run");

        // one more case before the second run: the comparison shows it as new
        page.navigate(portal.url("/w/" + slug + "/evaluation"));
        Path more = bad.resolveSibling("more.csv");
        Files.writeString(more, "question,expected_answer\nCan I get a refund on a gift card?,No.\n",
                StandardCharsets.UTF_8);
        page.locator("[data-testid=cases-file]").setInputFiles(more);
        page.locator("[data-testid=upload-cases]").click();
        assertThat(page.locator("#flash")).containsText("Added 1 case");
        String second = runAndWait(4);
        assertThat(second).isNotEqualTo(first);

        page.navigate(portal.url("/w/" + slug + "/evaluation"));
        assertThat(page.locator("[data-testid=runs-chart]")).isVisible();
        Browsers.screenshot(page, "evaluation");
        page.locator("[data-testid=compare]").click();
        assertThat(page.locator("h1")).containsText(" and ");
        assertThat(page.locator("[data-testid=compare-rows]")).containsText("How long is a gift card valid?");
        page.locator("[data-testid=only-changed]").check();
        page.locator("[data-testid=apply-compare]").click();
        assertThat(page).hasURL(Pattern.compile("changed=true"));
        Locator added = page.locator("[data-testid=compare-rows] tbody tr",
                new Page.LocatorOptions().setHasText("Can I get a refund on a gift card?"));
        assertThat(added).hasAttribute("data-changed", "true");
        assertThat(added.locator("td.changed").first()).containsText("Not in this run");
        assertThat(added.locator("td.changed").first()).hasCSS("background-color", "rgb(254, 249, 195)");
        Browsers.screenshot(page, "evaluation-compare");
        String compareUrl = page.url();

        BrowserContext phone = Browsers.get().newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                .setStorageState(context.storageState()));
        Page small = phone.newPage();
        for (String[] screen : new String[][]{{"/w/" + slug + "/evaluation", "evaluation"},
                {compareUrl.substring(compareUrl.indexOf("/w/")), "evaluation-compare"}, {first, "evaluation-run"}}) {
            small.navigate(portal.url(screen[0]));
            small.waitForLoadState();
            Browsers.screenshot(small, "mobile/" + screen[1]);
            int width = ((Number) small.evaluate("() => document.documentElement.scrollWidth")).intValue();
            assertThat(width).as("%s at 390 px", screen[1]).isLessThanOrEqualTo(390);
        }
        phone.close();
    }

    /** Starts a run from the Evaluation page and waits for its progress bar to finish; returns the run's path. */
    private String runAndWait(int cases) {
        page.locator("[data-testid=run-evaluation]").click();
        assertThat(page).hasURL(Pattern.compile("/w/" + slug + "/evaluation/runs/[0-9a-f-]+$"));
        assertThat(page.locator("[data-testid=run-bar]")).isVisible();
        // the bar is polled every second; once the run is done the page reloads with the totals
        assertThat(page.locator("[data-testid=run-totals]")).isVisible(LONG);
        assertThat(page.locator("[data-testid=run-status]")).hasText("Done");
        assertThat(page.locator("[data-testid=run-count]"))
                .containsText(cases + " of " + cases + " cases asked · 100 %");
        assertThat(page.locator("[data-testid=total-answer-rate]")).hasText(Pattern.compile("\\d+ %"));
        String url = page.url();
        return url.substring(url.indexOf("/w/"));
    }
}
