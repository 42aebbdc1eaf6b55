package com.frontline.e2e;

import com.frontline.chat.FeedbackReviewFixture;
import com.frontline.shared.TenantId;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static com.frontline.chat.FeedbackReviewFixture.answer;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A reviewer's journey on the Feedback page: rated answers are there, the 👎 filter leaves only the unhelpful ones
 * (the address follows), a row opens the conversation with the passages the answer was built from. Screenshots at
 * 1366 and 390 px land in target/screenshots/feedback.
 */
class FeedbackReviewE2E extends E2ETest {

    static final String TRACE = """
            {"query": "gift wrapping", "passages": [
              {"documentId": null, "label": "Gift wrapping and cards", "visibility": "PUBLIC", "score": 0.873,
               "relevance": 0.64, "bm25Rank": 1, "denseRank": 1},
              {"documentId": null, "label": "Shipping and delivery", "visibility": "PUBLIC", "score": 0.41,
               "relevance": 0.22, "bm25Rank": 2, "denseRank": 4}]}""";

    @Test
    void aReviewerFiltersUnhelpfulAnswersAndSeesWhyTheAssistantSaidIt() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String bad = "Do you gift wrap orders? " + tag;
        String good = "Can I change my delivery address? " + tag;
        DSLContext dsl = portal.app.getBean(DSLContext.class);
        TenantId acme = new TenantId(dsl.select(org.jooq.impl.DSL.field("id", UUID.class))
                .from("tenants.workspaces").where("slug = 'acme'").fetchSingle().value1());
        var fixture = new FeedbackReviewFixture(dsl);
        fixture.insert(acme, answer().at(OffsetDateTime.now().minusMinutes(5)).question(bad)
                .answer("We do not offer gift wrapping. [1]").rating(-1).reasons("INCORRECT")
                .comment("<b>You do!</b> It was on the checkout page.").confidence(0.46).retrieval(TRACE)
                .implicit(0.2, "{\"continued\": false, \"rephrased\": true, \"askedForPerson\": false, "
                        + "\"leftQuickly\": false, \"thanked\": false}"));
        fixture.insert(acme, answer().at(OffsetDateTime.now().minusMinutes(6)).question(good)
                .answer("Yes, until the order leaves our warehouse. [1]").rating(1).confidence(0.83));

        EveryPage.signIn(page, portal);
        page.navigate(portal.url("/w/acme/feedback"));
        assertThat(page.getByText(bad)).isVisible();
        assertThat(page.getByText(good)).isVisible();
        assertThat(page.locator("[data-testid=card-helpful] svg path")).hasCount(1);

        page.locator("[data-testid=filter-rating]").selectOption("down");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("rating=down"));
        assertThat(page.getByText(good)).hasCount(0);
        assertThat(page.getByText(bad)).isVisible();
        assertThat(page.locator("[data-testid=export-csv]")).hasAttribute("href",
                java.util.regex.Pattern.compile("export\\.csv\\?rating=down"));
        // the visitor's markup is shown as text
        assertThat(page.getByText("<b>You do!</b> It was on the checkout page.")).isVisible();
        Browsers.screenshot(page, "feedback/desktop-filtered");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(bad)).click();
        assertThat(page.locator("[data-testid=transcript]")).containsText(bad);
        assertThat(page.locator("[data-testid=passage]")).hasCount(2);
        assertThat(page.locator("[data-testid=passages]")).containsText("Gift wrapping and cards");
        assertThat(page.locator("[data-testid=passages]")).containsText("0.873");
        assertThat(page.locator("[data-testid=judgement]")).containsText("Rephrased the same question");
        assertThat(page.locator("[data-testid=write-correction]")).hasAttribute("href",
                java.util.regex.Pattern.compile("/w/acme/corrections/new\\?answer="));
        Browsers.screenshot(page, "feedback/desktop-answer");
        String answerUrl = page.url();

        BrowserContext wide = Browsers.get().newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        BrowserContext phone = Browsers.get().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true));
        try {
            Page w = wide.newPage();
            EveryPage.signIn(w, portal);
            w.navigate(portal.url("/w/acme/feedback"));
            Browsers.screenshot(w, "feedback/1366-list");
            Page p = phone.newPage();
            EveryPage.signIn(p, portal);
            p.navigate(portal.url("/w/acme/feedback?rating=down"));
            assertThat(p.getByText(bad)).isVisible();
            // no sideways scrolling on a phone: the rows read as cards
            Object overflow = p.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            Browsers.screenshot(p, "feedback/390-list");
            p.navigate(answerUrl);
            assertThat(p.locator("[data-testid=passage]")).hasCount(2);
            Browsers.screenshot(p, "feedback/390-answer");
        } finally {
            wide.close();
            phone.close();
        }
    }
}
