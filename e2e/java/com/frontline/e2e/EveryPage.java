package com.frontline.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Every screen of the portal, with the data that makes each one worth looking at (a document, a KPI report, an
 * account, a conversation waiting in the inbox, an open invitation) created once per test JVM in the demo workspace.
 * The layout and accessibility checks walk this list, so a new screen belongs here.
 */
final class EveryPage {

    /** A screen: a short name (used for screenshot files), its path, and whether it needs the admin signed in. */
    record Screen(String name, String path, boolean signedIn) {
    }

    private static List<Screen> screens;

    private EveryPage() {
    }

    static synchronized List<Screen> screens(Portal portal) {
        if (screens == null) {
            screens = seed(portal);
        }
        return screens;
    }

    private static List<Screen> seed(Portal portal) {
        BrowserContext context = Browsers.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 860));
        context.setDefaultTimeout(20_000);
        try {
            Page page = context.newPage();
            new Pages.LoginPage(page, portal).signIn("admin@acme.test", "frontline-demo");
            String w = "/w/acme";

            String title = "Opening hours " + UUID.randomUUID().toString().substring(0, 6);
            page.navigate(portal.url(w + "/knowledge"));
            page.fill("input[name=title]", title);
            page.fill("textarea[name=text]", "# Opening hours\nWe are open Monday to Friday, 9:00 to 17:30.");
            page.locator("form[action$='/knowledge/text'] button[type=submit]").click();
            String document = path(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title))
                    .getAttribute("href"));

            page.navigate(portal.url(w + "/accounts"));
            page.locator("input[type=file][name=file]").setInputFiles(workbook());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Validate")).click();
            page.locator("[data-testid=confirm-import]").click();
            assertThat(page.locator(".health-chart")).containsText("Northwind Traders");
            String account = path(page.locator(".health-chart a").first().getAttribute("href"));
            // a second upload left unconfirmed: its validation report stays on screen
            page.locator("input[type=file][name=file]").setInputFiles(workbook());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Validate")).click();
            assertThat(page.locator("[data-testid=report-summary]")).isVisible();
            String report = path(page.url());

            page.navigate(portal.url(w + "/playground"));
            page.waitForFunction("() => { const c = document.querySelector('[data-chat]'); return c && c.chat; }");
            page.fill("[data-testid=chat-input]", "Can I talk to a human, please?");
            page.locator("[data-testid=chat-send]").click();
            assertThat(page.locator("[data-chat-status]")).containsText("Waiting for a person",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
            page.navigate(portal.url(w + "/inbox"));
            String conversation = path(page.locator("[data-testid=waiting-conversation]").first().getAttribute("href"));

            page.navigate(portal.url(w + "/feedback"));
            String answer = path(page.locator("[data-testid=feedback-row] td.question a").first().getAttribute("href"));

            page.navigate(portal.url(w + "/settings/team"));
            page.getByLabel("E-mail").fill("mobile-" + UUID.randomUUID().toString().substring(0, 6) + "@acme.example");
            page.locator(".invite-form select[name=role]").selectOption("AGENT");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
            String invite = path(page.locator("#invite-link").textContent().strip());

            List<Screen> all = new ArrayList<>();
            all.add(new Screen("login", "/login", false));
            all.add(new Screen("signup", "/signup", false));
            all.add(new Screen("invite", invite, false));
            all.add(new Screen("invite-used-or-unknown", "/invites/no-such-token", false));
            all.add(new Screen("not-found", "/no-such-page", false));
            all.add(new Screen("dashboard", w, true));
            all.add(new Screen("wizard-1-new-workspace", "/onboarding", true));
            all.add(new Screen("wizard-2-persona", w + "/setup/persona", true));
            all.add(new Screen("wizard-3-branding", w + "/setup/branding", true));
            all.add(new Screen("wizard-4-widget", w + "/setup/widget", true));
            all.add(new Screen("wizard-5-team", w + "/setup/team", true));
            all.add(new Screen("knowledge", w + "/knowledge", true));
            all.add(new Screen("knowledge-document", document, true));
            all.add(new Screen("accounts", w + "/accounts", true));
            all.add(new Screen("accounts-report", report, true));
            all.add(new Screen("account", account, true));
            all.add(new Screen("playground", w + "/playground", true));
            all.add(new Screen("inbox", w + "/inbox", true));
            all.add(new Screen("inbox-conversation", conversation, true));
            all.add(new Screen("feedback", w + "/feedback", true));
            all.add(new Screen("feedback-answer", answer, true));
            all.add(new Screen("audit", w + "/audit", true));
            all.add(new Screen("settings-workspace", w + "/settings/workspace", true));
            all.add(new Screen("settings-persona", w + "/settings/persona", true));
            all.add(new Screen("settings-branding", w + "/settings/branding", true));
            all.add(new Screen("settings-widget", w + "/settings/widget", true));
            all.add(new Screen("settings-team", w + "/settings/team", true));
            all.add(new Screen("settings-handoff", w + "/settings/handoff", true));
            all.add(new Screen("settings-providers", w + "/settings/providers", true));
            all.add(new Screen("settings-search", w + "/settings/search", true));
            all.add(new Screen("settings-privacy", w + "/settings/privacy", true));
            all.add(new Screen("versions", w + "/versions", true));
            all.add(new Screen("version", w + "/versions/1", true));
            all.add(new Screen("versions-diff", w + "/versions/diff", true));
            all.add(new Screen("version-restore", w + "/versions/1/restore", true));
            all.add(new Screen("rollouts", w + "/rollouts", true));
            all.add(new Screen("rollouts-new", w + "/rollouts/new", true));
            all.add(new Screen("usage", w + "/usage", true));
            all.add(new Screen("analytics", w + "/analytics?period=90", true));
            all.add(new Screen("analytics-question", w + "/analytics/questions?period=90&q=do%20you%20deliver%20to%20norway",
                    true));
            all.add(new Screen("alerts", w + "/alerts", true));
            all.add(new Screen("alerts-settings", w + "/alerts/settings", true));
            all.add(new Screen("gaps", w + "/gaps", true));
            all.add(new Screen("not-found-in-workspace", w + "/knowledge/" + UUID.randomUUID(), true));
            return List.copyOf(all);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the data the page checks need", e);
        } finally {
            context.close();
        }
    }

    private static java.nio.file.Path workbook() throws Exception {
        return AccountsE2E.workbookWithBadRows();
    }

    /** The path (and query) of an absolute or relative URL. */
    private static String path(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Signs the admin in (or not) in a fresh page of this context. */
    static void signIn(Page page, Portal portal) {
        new Pages.LoginPage(page, portal).signIn("admin@acme.test", "frontline-demo");
        assertThat(page).not().hasURL(java.util.regex.Pattern.compile("/login"));
    }
}
