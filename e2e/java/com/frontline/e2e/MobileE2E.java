package com.frontline.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal on a phone (390 px wide): every page fits without sideways scrolling, the navigation is behind a Menu
 * button that works with a keyboard and with boosted navigation, and without JavaScript the menu is simply shown.
 * At 1366 px the sidebar stays. Screenshots of every page land in target/screenshots/mobile and .../desktop.
 */
class MobileE2E extends E2ETest {

    static final int PHONE = 390;

    @Test
    void everyPageFitsAPhoneScreenWithoutSidewaysScrolling() {
        List<String> overflowing = new ArrayList<>();
        for (EveryPage.Screen screen : EveryPage.screens(portal)) {
            Page phone = phonePage(screen.signedIn());
            phone.navigate(portal.url(screen.path()));
            phone.waitForLoadState();
            Browsers.screenshot(phone, "mobile/" + screen.name());
            int width = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
            if (width > PHONE) {
                overflowing.add(screen.name() + " is " + width + " px wide; too wide: " + widestElements(phone));
            }
            phone.context().close();
        }
        assertThat(overflowing).isEmpty();
    }

    @Test
    void theDesktopKeepsItsSidebarAndFits() {
        context.close();
        context = Browsers.get().newContext(new Browser.NewContextOptions().setViewportSize(1366, 900));
        page = context.newPage();
        EveryPage.signIn(page, portal);
        List<String> problems = new ArrayList<>();
        for (EveryPage.Screen screen : EveryPage.screens(portal)) {
            if (!screen.signedIn()) {
                continue;
            }
            page.navigate(portal.url(screen.path()));
            page.waitForLoadState();
            Browsers.screenshot(page, "desktop/" + screen.name());
            int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            if (width > 1366) {
                problems.add(screen.name() + " is " + width + " px wide");
            }
            if (page.locator(".sidebar nav").count() > 0 && !page.locator(".sidebar nav").isVisible()) {
                problems.add(screen.name() + " hides the sidebar");
            }
            if (page.locator("[data-menu-toggle]").isVisible()) {
                problems.add(screen.name() + " shows the phone menu button");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theMenuOpensAndClosesWithTheKeyboardAndClosesAfterNavigating() {
        Page phone = phonePage(true);
        phone.navigate(portal.url("/w/acme"));
        Locator toggle = phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"));
        Locator knowledge = phone.locator("#sidebar")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Knowledge").setExact(true));
        assertThat(phone.locator(".topbar")).containsText("Acme Support");
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        assertThat(toggle).hasAttribute("aria-controls", "sidebar");
        assertThat(knowledge).isHidden();

        toggle.focus();
        phone.keyboard().press("Enter");
        assertThat(toggle).hasAttribute("aria-expanded", "true");
        assertThat(knowledge).isVisible();
        Browsers.screenshot(phone, "mobile/menu-open");
        phone.keyboard().press("Tab");   // the menu comes right after its button
        assertThat((Boolean) phone.evaluate("() => document.getElementById('sidebar').contains(document.activeElement)"))
                .as("Tab moves from the Menu button into the menu").isTrue();
        phone.keyboard().press("Escape");
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        assertThat(toggle).isFocused();
        assertThat(knowledge).isHidden();

        phone.keyboard().press("Space");
        assertThat(knowledge).isVisible();
        knowledge.click();
        assertThat(phone).hasURL(Pattern.compile("/w/acme/knowledge$"));
        Locator toggleNow = phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"));
        assertThat(toggleNow).hasAttribute("aria-expanded", "false");
        assertThat(knowledge).isHidden();

        // boosted navigation kept the page: the menu still works, and coming back does not show it open
        toggleNow.click();
        assertThat(knowledge).isVisible();
        phone.locator("#sidebar").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Accounts"))
                .click();
        assertThat(phone).hasURL(Pattern.compile("/w/acme/accounts$"));
        phone.goBack();
        assertThat(phone).hasURL(Pattern.compile("/w/acme/knowledge$"));
        assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")))
                .hasAttribute("aria-expanded", "false");
        assertThat(knowledge).isHidden();

        // the browser's Forward with the menu open: the page that comes back has it closed and scrolls again
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
        assertThat(phone.locator("html")).hasClass(Pattern.compile("menu-open"));
        phone.goForward();
        assertThat(phone).hasURL(Pattern.compile("/w/acme/accounts$"));
        assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")))
                .hasAttribute("aria-expanded", "false");
        assertThat(phone.locator("html")).not().hasClass(Pattern.compile("menu-open"));
        phone.context().close();
    }

    @Test
    void withoutJavaScriptThePhoneMenuIsSimplyShown() {
        BrowserContext noScript = Browsers.get().newContext(new Browser.NewContextOptions()
                .setViewportSize(PHONE, 844).setIsMobile(true).setHasTouch(true).setJavaScriptEnabled(false));
        Page phone = noScript.newPage();
        EveryPage.signIn(phone, portal);
        phone.navigate(portal.url("/w/acme"));
        assertThat(phone.locator("#sidebar")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Knowledge").setExact(true))).isVisible();
        assertThat(phone.locator("[data-menu-toggle]")).isHidden();
        int width = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertThat(width).isLessThanOrEqualTo(PHONE);
        noScript.close();
    }

    /** A phone-sized page in a fresh context; signed in as the demo admin when asked. */
    private Page phonePage(boolean signedIn) {
        BrowserContext phone = Browsers.get().newContext(new Browser.NewContextOptions()
                .setViewportSize(PHONE, 844).setIsMobile(true).setHasTouch(true));
        phone.setDefaultTimeout(15_000);
        Page p = phone.newPage();
        if (signedIn) {
            EveryPage.signIn(p, portal);
        }
        return p;
    }

    /** The elements that stick out furthest to the right, for a failure message a person can act on. */
    static String widestElements(Page page) {
        return String.valueOf(page.evaluate("""
                () => [...document.querySelectorAll('body *')]
                    .map(e => ({e, r: e.getBoundingClientRect().right}))
                    .filter(x => x.r > document.documentElement.clientWidth + 1)
                    .sort((a, b) => b.r - a.r).slice(0, 4)
                    .map(x => x.e.tagName.toLowerCase() + (x.e.className && typeof x.e.className === 'string'
                        ? '.' + x.e.className.trim().split(/\\s+/).join('.') : '') + ' → ' + Math.round(x.r))
                    .join(', ')
                """));
    }
}
