package com.frontline.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everyday clicking through the portal with htmx: every sidebar link, then the in-page links that used to land a page
 * inside the page (a document's title and Rebuild index inside the self-refreshing documents card, a waiting
 * conversation inside the self-refreshing queue, Resolve), the playground after in-app navigation, and the back
 * button. After each step the page must be whole: one sidebar, one heading, the right address, no message in it.
 */
class PortalNavigationE2E extends E2ETest {

    static final String FAQ = """
            # Delivery
            Parcels are delivered within three working days. You get a tracking link by e-mail.
            """;

    @Test
    void everySidebarLinkAndTheInPageLinksKeepTheWholePage() {
        page.onDialog(dialog -> dialog.accept()); // "Rebuild the whole search index…?"
        new Pages.LoginPage(page, portal).signIn("admin@acme.test", "frontline-demo");
        page.navigate(portal.url("/w/acme"));
        assertWhole("/w/acme");

        List<String> links = page.locator("aside.sidebar nav a").all().stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(links).contains("/w/acme/knowledge", "/w/acme/playground", "/w/acme/inbox", "/w/acme/audit")
                .hasSizeGreaterThan(10);
        for (String href : links) {
            sidebar(href);
        }

        // Knowledge: the documents card refreshes itself; its links and buttons must still open whole pages
        String title = unique("Delivery FAQ");
        sidebar("/w/acme/knowledge");
        page.fill("input[name=title]", title);
        page.fill("textarea[name=text]", FAQ);
        swap(page.locator("form[action$='/knowledge/text'] button[type=submit]"));
        assertWhole("/w/acme/knowledge");
        // the card has refreshed itself at least once (hx-target="this") before its links are used
        assertThat(page.locator("[data-testid='status-" + title + "']"))
                .not().hasText("Queued", new LocatorAssertions.HasTextOptions().setTimeout(INDEXING_TIMEOUT_MS));
        swap(page.locator("#documents-panel a", new Page.LocatorOptions().setHasText(title)));
        assertWhole(Pattern.compile(".*/w/acme/knowledge/[0-9a-f-]{36}$"));
        assertThat(page.locator("main h1")).hasText(title);
        page.goBack();
        assertWhole("/w/acme/knowledge");
        swap(page.locator("#documents-panel button", new Page.LocatorOptions().setHasText("Rebuild index")));
        assertWhole("/w/acme/knowledge");
        assertThat(page.locator("#flash")).containsText("Rebuilding");

        // Playground after an in-app click: the message is posted, never put into the address
        sidebar("/w/acme/playground");
        page.waitForFunction("() => { const c = document.querySelector('[data-chat]'); return c && c.chat; }");
        // a conversation of its own (other journeys may have used this user's latest one): the inbox lists it by
        // its first question
        page.evaluate("() => document.querySelector('[data-chat]').dataset.old = 'yes'");
        page.locator("[data-testid=new-conversation]").click();
        page.waitForFunction("() => { const c = document.querySelector('[data-chat]'); return c && !c.dataset.old && c.chat; }");
        assertWhole("/w/acme/playground");
        String question = "I want to talk to a human please, my parcel " + unique("no") + " is late";
        page.fill("[data-testid=chat-input]", question);
        page.locator("[data-testid=chat-send]").click();
        assertThat(page.locator("[data-testid=chat-log] li.msg.mine").last()).containsText(question);
        assertWhole("/w/acme/playground");
        assertThat(page.locator("[data-chat-status]")).containsText("Waiting for a person");

        // Inbox: open the conversation from the self-refreshing queue, take it over, resolve it
        sidebar("/w/acme/inbox");
        Locator waiting = page.locator("[data-testid=waiting-conversation]", new Page.LocatorOptions().setHasText(question));
        assertThat(waiting).containsText("(playground)");
        shoot("inbox-queue");
        swap(waiting);
        assertWhole(Pattern.compile(".*/w/acme/inbox/[0-9a-f-]{36}$"));
        assertThat(page.locator("[data-testid=chat-log]")).containsText(question);
        Locator notice = page.locator("[data-testid=chat-log] li", new Page.LocatorOptions().setHasText("asked our team"));
        assertThat(notice.boundingBox().width).as("the handoff notice reads as a line, not a letter per line")
                .isGreaterThan(200);
        page.waitForTimeout(5_500); // one poll of the queue: still one whole page
        assertWhole(Pattern.compile(".*/w/acme/inbox/[0-9a-f-]{36}$"));
        swap(page.locator("[data-testid=take-over]"));
        assertThat(page.locator("[data-testid=conversation-status]")).containsText("With");
        assertWhole(Pattern.compile(".*/w/acme/inbox/[0-9a-f-]{36}$"));
        assertThat(page.locator("[data-testid=chat-log]")).containsText("joined the conversation");
        shoot("inbox-conversation");
        swap(page.locator("[data-testid=resolve]"));
        assertWhole("/w/acme/inbox");
        assertThat(page.locator("[data-testid=resolved-conversation]", new Page.LocatorOptions().setHasText(question)))
                .isVisible();
        shoot("inbox-resolved");

        page.goBack();
        assertWhole(Pattern.compile(".*/w/acme/inbox/[0-9a-f-]{36}$"));
        sidebar("/w/acme/audit");
        assertThat(page.locator("table.audit")).containsText("Resolved a conversation");
    }

    private void sidebar(String href) {
        swap(page.locator("aside.sidebar nav a[href='" + href + "']"));
        assertWhole(href);
    }

    /** Clicks something that loads a page (htmx swaps the body) and waits for the new page to be in place. */
    private void swap(Locator target) {
        page.evaluate("() => document.querySelectorAll('aside.sidebar').forEach(s => s.dataset.stale = 'yes')");
        target.click();
        page.waitForSelector("aside.sidebar:not([data-stale])");
    }

    private void assertWhole(String path) {
        assertThat(page).hasURL(portal.url(path));
        assertWholePage();
    }

    private void assertWhole(Pattern url) {
        assertThat(page).hasURL(url);
        assertWholePage();
    }

    private void assertWholePage() {
        assertThat(page.locator("aside.sidebar")).hasCount(1);
        assertThat(page.locator("main")).hasCount(1);
        assertThat(page.locator("main h1")).hasCount(1);
        assertThat(page.locator("main h1")).isVisible();
        assertThat(page.url()).doesNotContain("message=");
    }

    /** The same screen at a laptop's and a phone's width, for a person to look at. */
    private void shoot(String name) {
        page.setViewportSize(1366, 900);
        Browsers.screenshot(page, name + "-1366");
        page.setViewportSize(390, 844);
        Browsers.screenshot(page, name + "-390");
        page.setViewportSize(1280, 860);
    }
}
