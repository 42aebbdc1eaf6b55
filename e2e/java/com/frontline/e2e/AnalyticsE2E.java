package com.frontline.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A support lead reads the analytics page with the demo workspace's conversations: the cards compare with the period
 * before, the charts draw, a longer period and a channel are picked (the address follows), a top unanswered question
 * lists its conversations, and the dashboard shows the key cards. Screenshots at 1366 and 390 px land in
 * target/screenshots/analytics.
 */
class AnalyticsE2E extends E2ETest {

    @Test
    void aLeadReadsTheFiguresChangesThePeriodAndOpensAnUnansweredQuestion() {
        EveryPage.signIn(page, portal);
        page.navigate(portal.url("/w/acme/analytics"));
        assertThat(page.locator("[data-testid=analytics-cards] .usage-card")).hasCount(8);
        assertThat(page.locator("[data-testid=card-conversations] .usage-value")).not().hasText("0");
        assertThat(page.locator("[data-testid=analytics-charts] svg")).hasCount(3);
        assertThat(page.locator("[data-testid=analytics-charts] svg rect.deflected, "
                + "[data-testid=analytics-charts] svg rect.handoff, [data-testid=analytics-charts] svg rect.other")
                .first()).isVisible();
        assertThat(page.locator("[data-testid=top-questions]")).containsText("grouped by identical wording",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setIgnoreCase(true));

        page.locator("[data-testid=analytics-period]").selectOption("90");
        page.locator("[data-testid=analytics-apply]").click();
        assertThat(page).hasURL(Pattern.compile("period=90"));
        assertThat(page.locator("[data-testid=analytics-heading]")).containsText("Last 90 days");
        assertThat(page.locator("[data-testid=top-unanswered]")).containsText("Do you deliver to Norway?");

        page.locator("[data-testid=analytics-channel]").selectOption("WIDGET");
        page.locator("[data-testid=analytics-apply]").click();
        assertThat(page).hasURL(Pattern.compile("channel=WIDGET"));
        assertThat(page.locator("[data-testid=analytics-heading]")).containsText("Website widget");

        // a custom range that ends before it starts: a message next to the field
        page.locator("[data-testid=analytics-period]").selectOption("custom");
        page.locator("[data-testid=analytics-from]").fill("2026-11-20");
        page.locator("[data-testid=analytics-to]").fill("2026-11-01");
        page.locator("[data-testid=analytics-apply]").click();
        assertThat(page.locator("[data-testid=analytics-to-error]")).containsText("before the first");
        Browsers.screenshot(page, "analytics/desktop-bad-range");

        page.navigate(portal.url("/w/acme/analytics?period=90"));
        page.locator("[data-testid=top-unanswered] a", new Page.LocatorOptions().setHasText("Norway")).first().click();
        assertThat(page.locator("[data-testid=question-conversations] table")).containsText("Do you deliver to Norway?");
        assertThat(page.locator("[data-testid=question-conversations] a[href*='/inbox/']").first()).isVisible();

        page.navigate(portal.url("/w/acme"));
        assertThat(page.locator("[data-testid=key-cards] .usage-card")).hasCount(4);
        assertThat(page.locator("[data-testid=key-conversations]")).hasAttribute("href",
                Pattern.compile("/w/acme/analytics\\?period=7"));

        BrowserContext wide = Browsers.get().newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        BrowserContext phone = Browsers.get().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true));
        try {
            Page w = wide.newPage();
            EveryPage.signIn(w, portal);
            w.navigate(portal.url("/w/acme/analytics?period=90"));
            assertThat(w.locator("[data-testid=analytics-charts] svg").first()).isVisible();
            Browsers.screenshot(w, "analytics/1366-page");
            w.navigate(portal.url("/w/acme"));
            assertThat(w.locator("[data-testid=key-cards] .usage-card")).hasCount(4);
            Browsers.screenshot(w, "analytics/1366-dashboard");
            Page p = phone.newPage();
            EveryPage.signIn(p, portal);
            p.navigate(portal.url("/w/acme/analytics?period=90"));
            assertThat(p.locator("[data-testid=analytics-charts] svg").first()).isVisible();
            Object overflow = p.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            Browsers.screenshot(p, "analytics/390-page");
            p.navigate(portal.url("/w/acme"));
            assertThat(p.locator("[data-testid=key-cards] .usage-card")).hasCount(4);
            Browsers.screenshot(p, "analytics/390-dashboard");
        } finally {
            wide.close();
            phone.close();
        }
    }
}
