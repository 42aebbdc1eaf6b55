package com.frontline.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A new workspace with its website widget, and widget visitors asking questions in it. */
final class Workspaces {

    private Workspaces() {
    }

    /**
     * Signs up as {@code owner} (e-mail {@code slug@owner.example}), creates the workspace through the setup wizard,
     * and returns its widget's public key.
     */
    static String createWithWidget(Page page, Portal portal, String slug, String owner, String company) {
        new Pages.SignUpPage(page, portal).signUp(owner, slug + "@owner.example");
        new Pages.WorkspaceStep(page).create(company, slug, "E-commerce & retail");
        for (int step = 2; step <= 4; step++) {
            assertThat(page.getByText("Step " + step + " of 5")).isVisible();
            Pages.continueWizard(page);
        }
        assertThat(page.getByText("Step 5 of 5")).isVisible();
        page.locator("[data-testid=finish-setup]").click();
        page.navigate(portal.url("/w/" + slug + "/settings/widget"));
        Matcher key = Pattern.compile("data-key=\"([^\"]+)\"")
                .matcher(page.locator("[data-testid=embed-snippet]").textContent());
        assertThat(key.find()).isTrue();
        return key.group(1);
    }

    /** A visitor's own browser (no cookies) of the given size; the caller closes the contexts it collects. */
    static Page visitor(List<BrowserContext> opened, int width, int height) {
        BrowserContext visitor = Browsers.get().newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height));
        visitor.setDefaultTimeout(20_000);
        opened.add(visitor);
        return visitor.newPage();
    }

    /** Sends a question in the widget panel and returns the stored answer to it. */
    static Locator ask(Page visitor, String question) {
        assertThat(visitor.locator(".msg.greeting")).isVisible(); // the panel has its session and listens
        Locator answers = visitor.locator("[data-testid=msg-assistant]");
        int before = answers.count();
        visitor.locator("[data-testid=chat-input]").fill(question);
        visitor.locator("[data-testid=chat-send]").click();
        assertThat(answers).hasCount(before + 1, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        return answers.last();
    }
}
