package com.frontline.e2e;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin writes a correction in the browser, sees the refusal of an empty answer next to the field, approves it
 * from the queue, and finds it on the Approved tab (an htmx tab swap); the same question in the playground then gets
 * the verified answer. Screenshots of the form and the queue at 1366 and 390 px land in target/screenshots/corrections.
 */
class CorrectionsE2E extends E2ETest {

    @Test
    void anAdminWritesAndApprovesACorrectionAndThePlaygroundGivesIt() {
        String question = "Can I collect my order from the " + unique("depot") + " warehouse?";
        EveryPage.signIn(page, portal);
        page.navigate(portal.url("/w/acme/corrections/new"));
        page.getByTestId("question-input").fill(question);
        page.getByTestId("save-correction").click();
        assertThat(page.getByTestId("answer-error")).hasText("Write the right answer.");

        page.getByTestId("answer-input").fill("Yes: choose <b>Pick up</b> at checkout and bring your order number.");
        page.getByTestId("source-input").fill("https://help.example.com/pickup");
        shoot("form");
        page.getByTestId("save-correction").click();
        assertThat(page.getByTestId("status")).hasText("Pending");
        shoot("correction");

        page.navigate(portal.url("/w/acme/corrections"));
        var item = page.getByTestId("correction-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(question));
        assertThat(item.getByTestId("correction-answer")).containsText("<b>Pick up</b>");
        shoot("queue");
        item.getByTestId("score").selectOption("5");
        item.getByTestId("approve").click();
        assertThat(page.locator(".alert-ok")).containsText("Approved");

        page.getByTestId("tab-approved").click();
        assertThat(page).hasURL(Pattern.compile("tab=approved"));
        assertThat(page.getByTestId("corrections-panel")).containsText(question);
        shoot("approved");

        page.navigate(portal.url("/w/acme/playground"));
        page.evaluate("() => document.querySelector('[data-chat]').dataset.old = 'yes'");
        page.locator("[data-testid=new-conversation]").click();
        page.waitForFunction("() => { const c = document.querySelector('[data-chat]');"
                + " return c && !c.dataset.old && c.chat; }");
        page.fill("[data-testid=chat-input]", question);
        page.locator("[data-testid=chat-send]").click();
        var answer = page.locator("[data-testid=chat-log] li.msg.assistant:not(.greeting)").last();
        assertThat(answer).containsText("bring your order number",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(answer).containsText("Verified answer");
        Browsers.screenshot(page, "corrections/playground-verified");
    }

    /** The current page, as it is (a filled form stays filled), at 1366 and 390 px; neither may scroll sideways. */
    private void shoot(String name) {
        List<String> problems = new ArrayList<>();
        for (int width : new int[]{1366, 390}) {
            page.setViewportSize(width, 900);
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(null)))"); // laid out again
            Browsers.screenshot(page, "corrections/" + name + "-" + width);
            int scroll = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            if (scroll > width) {
                problems.add(name + " at " + width + " px is " + scroll + " px wide");
            }
        }
        page.setViewportSize(1280, 860);
        assertThat(problems).isEmpty();
    }
}
