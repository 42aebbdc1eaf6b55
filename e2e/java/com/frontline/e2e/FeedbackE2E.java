package com.frontline.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.frontline.db.chat.Tables.MESSAGES;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A widget visitor rates an answer 👎, says why (a reason and a comment), and the team sees the rating: stored with
 * its reasons, and shown on the answer in the inbox with a link to correct it. On a laptop and on a phone.
 */
class FeedbackE2E extends E2ETest {

    private final List<BrowserContext> visitors = new ArrayList<>();

    @AfterEach
    void closeVisitors() {
        visitors.forEach(BrowserContext::close);
    }

    @Test
    void aVisitorSaysWhyAnAnswerWasWrongAndTheTeamSeesIt() {
        String slug = unique("fb");
        String key = Workspaces.createWithWidget(page, portal, slug, "Fern Feedback", "Seashell Supplies");

        Page laptop = Workspaces.visitor(visitors, 1366, 900);
        laptop.navigate(portal.url("/widget/frame?key=" + key));
        Locator answer = Workspaces.ask(laptop, "Can I pay with seashells?");
        answer.locator("[data-testid=rate-down]").click();
        assertThat(answer.locator("[data-testid=rate-down]")).hasAttribute("aria-pressed", "true");
        Locator form = answer.locator("[data-testid=feedback-form]");
        assertThat(form).isVisible();
        form.getByLabel("Incorrect").check();
        form.getByLabel("Anything to add? (optional)").fill("<b>Seashells</b> are on your FAQ page.");
        Browsers.screenshot(laptop, "feedback-widget-1366-form");
        form.locator("[data-testid=feedback-send]").click();
        assertThat(answer.locator("[data-testid=feedback-thanks]")).hasText("Thanks for your feedback.");
        assertThat(laptop.locator("[data-testid=chat-log] b")).hasCount(0);
        Browsers.screenshot(laptop, "feedback-widget-1366-thanks");

        DSLContext db = portal.app.getBean(DSLContext.class);
        var stored = db.select(MESSAGES.FEEDBACK, MESSAGES.FEEDBACK_REASONS, MESSAGES.FEEDBACK_COMMENT)
                .from(MESSAGES).where(MESSAGES.ID.eq(java.util.UUID.fromString(answer.getAttribute("data-id"))))
                .fetchOne();
        assertThat(stored).isNotNull();
        assertThat(stored.get(MESSAGES.FEEDBACK)).isEqualTo((short) -1);
        assertThat(stored.get(MESSAGES.FEEDBACK_REASONS)).containsExactly("INCORRECT");
        assertThat(stored.get(MESSAGES.FEEDBACK_COMMENT)).isEqualTo("<b>Seashells</b> are on your FAQ page.");

        // the rating is still there after a reload, and 👎 again reopens the form with what was picked
        laptop.reload();
        Locator again = laptop.locator("[data-testid=msg-assistant]").last();
        assertThat(again.locator("[data-testid=rate-down]")).hasAttribute("aria-pressed", "true");
        again.locator("[data-testid=rate-down]").click();
        assertThat(again.getByLabel("Incorrect")).isChecked();
        assertThat(again.locator("[data-testid=feedback-comment]")).hasValue("<b>Seashells</b> are on your FAQ page.");

        // on a phone
        Page phone = Workspaces.visitor(visitors, 390, 844);
        phone.navigate(portal.url("/widget/frame?key=" + key));
        Locator small = Workspaces.ask(phone, "Do you deliver to the moon?");
        small.locator("[data-testid=rate-down]").click();
        small.getByLabel("Not what I asked").check();
        Browsers.screenshot(phone, "feedback-widget-390-form");
        Locator send = small.locator("[data-testid=feedback-send]");
        assertThat(send).isVisible();
        assertThat(send.boundingBox().x + send.boundingBox().width).isLessThanOrEqualTo(390);
        send.click();
        assertThat(small.locator("[data-testid=feedback-thanks]")).isVisible();

        // the laptop visitor asks for a person: the agent sees their rating on the answer in the inbox
        laptop.locator("[data-testid=talk-to-person]").click();
        page.navigate(portal.url("/w/" + slug + "/inbox"));
        page.locator("[data-testid=waiting-conversation]").first().click();
        Locator rated = page.locator("[data-testid=chat-log] [data-testid=msg-assistant]").first();
        assertThat(rated.locator("[data-testid=rate-down]")).hasAttribute("aria-pressed", "true");
        assertThat(rated.locator("[data-testid=correct-answer]")).hasAttribute("href",
                Pattern.compile("/w/" + slug + "/corrections/new\\?answer=" + answer.getAttribute("data-id")));
        Browsers.screenshot(page, "feedback-inbox-1366");
        page.setViewportSize(390, 844);
        Browsers.screenshot(page, "feedback-inbox-390");
    }
}
