package com.frontline.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyboard and screen-reader basics on every page: the skip link comes first and leads to the content, every form
 * control has a name (axe-core's rules), and every keyboard stop shows where the focus is.
 */
class AccessibilityE2E extends E2ETest {

    /** axe-core rules about names: form fields, selects, buttons, links, images. */
    static final List<String> NAME_RULES = List.of("label", "select-name", "aria-input-field-name",
            "button-name", "input-button-name", "link-name", "image-alt", "label-title-only");

    @Test
    void theSkipLinkIsTheFirstTabStopAndLeadsToTheContent() {
        // (the sign-in page puts the focus in its e-mail field instead, so it is not among these)
        for (String path : List.of("/signup", "/w/acme", "/w/acme/knowledge")) {
            if (path.equals("/w/acme")) {
                EveryPage.signIn(page, portal);
            }
            page.navigate(portal.url(path));
            page.keyboard().press("Tab");
            Locator skip = page.locator(":focus");
            assertThat(skip).hasText("Skip to main content");
            assertThat(skip).isInViewport();
            assertThat(((Number) skip.evaluate("e => e.getBoundingClientRect().width")).doubleValue())
                    .as("the skip link is visible when focused on %s", path).isGreaterThan(40);

            page.keyboard().press("Enter");
            assertThat(page).hasURL(Pattern.compile("#main-content$"));
            assertThat(page.locator("#main-content")).isFocused();
            page.keyboard().press("Tab");
            assertThat((Boolean) page.evaluate("""
                    () => document.getElementById('main-content').contains(document.activeElement)
                        && !document.activeElement.closest('.sidebar, .topbar')"""))
                    .as("the next Tab after the skip link lands inside the content on %s", path).isTrue();
        }
    }

    @Test
    void everyFormControlOnEveryPageHasALabel() {
        List<String> problems = new ArrayList<>();
        for (EveryPage.Screen screen : EveryPage.screens(portal)) {
            Page p = pageFor(screen);
            p.navigate(portal.url(screen.path()));
            p.waitForLoadState();
            // what the HTML spec calls labelled (axe also accepts a field that merely sits inside another's label)
            @SuppressWarnings("unchecked")
            List<String> unlabelled = (List<String>) p.evaluate("""
                    () => [...document.querySelectorAll('input, select, textarea')]
                        .filter(e => e.type !== 'hidden' && !e.closest('[hidden], template'))
                        .filter(e => ![...e.labels].some(l => l.textContent.trim())
                            && !(e.getAttribute('aria-label') || '').trim()
                            && !e.getAttribute('aria-labelledby') && !(e.title || '').trim())
                        .map(e => e.outerHTML.slice(0, 140))
                    """);
            unlabelled.forEach(html -> problems.add(screen.name() + ": no label for " + html));
            AxeResults results = new AxeBuilder(p).withRules(NAME_RULES).analyze();
            for (Rule rule : results.getViolations()) {
                for (CheckedNode node : rule.getNodes()) {
                    problems.add(screen.name() + ": " + rule.getId() + " " + node.getHtml());
                }
            }
            p.context().close();
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theUploadDropZoneShowsTheKeyboardFocus() {
        EveryPage.signIn(page, portal);
        page.navigate(portal.url("/w/acme/knowledge"));
        Locator zone = page.locator("[data-dropzone]");
        String before = focusStyle(zone);
        tabTo("input[type=file][name=files]");
        String focused = focusStyle(zone);
        assertThat(focused).as("the drop zone changes when its file input has the keyboard focus").isNotEqualTo(before);
        assertThat(focused).contains("outline: solid");
    }

    @Test
    void everyKeyboardStopShowsAFocusIndicator() {
        List<String> problems = new ArrayList<>();
        for (EveryPage.Screen screen : EveryPage.screens(portal)) {
            Page p = pageFor(screen);
            p.navigate(portal.url(screen.path()));
            p.waitForLoadState();
            problems.addAll(stopsWithoutIndicator(p, screen.name()));
            p.context().close();
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Tabs through the page (up to 80 stops) and reports each stop whose look does not change when it gets the
     * keyboard focus (compared with the same element after a blur): no outline, shadow, border or background change.
     */
    static List<String> stopsWithoutIndicator(Page p, String name) {
        List<String> problems = new ArrayList<>();
        // compare end states, not the first frame of a transition
        p.addStyleTag(new Page.AddStyleTagOptions()
                .setContent("*, *::before, *::after { transition: none !important; animation: none !important; }"));
        p.evaluate("() => document.activeElement && document.activeElement.blur()");
        for (int i = 0; i < 80; i++) {
            p.keyboard().press("Tab");
            @SuppressWarnings("unchecked")
            Map<String, Object> stop = (Map<String, Object>) p.evaluate("""
                    () => {
                        const el = document.activeElement;
                        if (!el || el === document.body) return null;
                        // a hidden native control (file input in a drop zone) shows its focus on its label
                        const shown = (el.getBoundingClientRect().width <= 2 || getComputedStyle(el).opacity === '0')
                            ? el.closest('label') || el : el;
                        const look = e => { const s = getComputedStyle(e);
                            return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor,
                                    s.backgroundColor, s.textDecorationLine].join('|'); };
                        const focused = look(shown);
                        const html = el.outerHTML.slice(0, 140);
                        el.blur();
                        const blurred = look(shown);
                        el.focus({focusVisible: true});
                        return {html, same: focused === blurred};
                    }
                    """);
            if (stop == null) {
                break;
            }
            if (Boolean.TRUE.equals(stop.get("same"))) {
                problems.add(name + ": " + stop.get("html"));
            }
        }
        return problems.stream().distinct().toList();
    }

    private Page pageFor(EveryPage.Screen screen) {
        BrowserContext fresh = Browsers.get().newContext(new Browser.NewContextOptions().setViewportSize(1280, 860));
        fresh.setDefaultTimeout(15_000);
        Page p = fresh.newPage();
        if (screen.signedIn()) {
            EveryPage.signIn(p, portal);
        }
        return p;
    }

    private void tabTo(String selector) {
        for (int i = 0; i < 60; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) page.evaluate("s => document.activeElement.matches(s)", selector)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    private static String focusStyle(Locator zone) {
        return (String) zone.evaluate("e => { const s = getComputedStyle(e); return 'outline: ' + s.outlineStyle"
                + " + ' ' + s.outlineWidth + ', border: ' + s.borderStyle + ' ' + s.borderColor; }");
    }
}
