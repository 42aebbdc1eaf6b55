package com.frontline.e2e;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin changes a setting (the confidence threshold), sees the draft differ from the live version, publishes it
 * as version 2 and makes it live, compares the two versions, and restores version 1 as version 3 after a confirm
 * step; the settings page shows the restored value. Screenshots at 1366 and 390 px land in
 * target/screenshots/versions; no page may scroll sideways.
 */
class VersionsE2E extends E2ETest {

    private String slug;

    @Test
    void changePublishCompareAndRestore() {
        slug = unique("versions");
        new Pages.SignUpPage(page, portal).signUp("Vera Versions", slug + "@owner.example");
        new Pages.WorkspaceStep(page).create("Lamp Shop", slug, "E-commerce & retail");
        assertThat(page.getByText("Step 2 of 5")).isVisible();
        String versions = portal.url("/w/" + slug + "/versions");

        // the first look makes version 1 of the settings in force, live
        page.navigate(versions);
        assertThat(page.locator("[data-testid=live-number]")).hasText("Version 1");
        assertThat(page.locator("[data-testid=draft-same]")).isVisible();

        // a change on a settings page only changes the draft
        page.navigate(portal.url("/w/" + slug + "/settings/handoff"));
        page.locator("[data-testid=threshold]").fill("70");
        page.locator("[data-testid=save-handoff]").click();
        assertThat(page.locator("#flash")).containsText("Handoff settings saved.");
        assertThat(page.locator("[data-testid=draft-hint]"))
                .containsText("The confidence threshold goes into your draft");
        shoot("versions-handoff-draft-hint");
        page.navigate(portal.url("/w/" + slug + "/playground"));
        assertThat(page.locator("[data-testid=draft-notice]")).containsText("Playground uses your unpublished draft");
        assertThat(page.locator("[data-testid=draft-notice]")).containsText("still get version 1");

        page.locator("[data-testid=nav-versions]").click();
        assertThat(page.locator("[data-testid=draft-differs]"))
                .containsText("Your draft differs from the live version 1");
        assertThat(page.locator("[data-testid=draft-changes]")).containsText("Confidence threshold");
        assertThat(page.locator("[data-testid=draft-changes]")).containsText("70 %");
        page.locator("[data-testid=publish-note]").fill("Stricter answers: 70 % confidence");
        shoot("versions-draft-differs");
        assertThat(page.locator("[data-testid=publish-live]")).isChecked();
        page.locator("[data-testid=publish]").click();
        assertThat(page.locator("#flash")).containsText("Published version 2 and made it live");
        assertThat(page.locator("[data-testid=live-number]")).hasText("Version 2");
        assertThat(page.locator("tr[data-version='2'] [data-testid=live-badge]")).isVisible();
        assertThat(page.locator("[data-testid=versions]")).containsText("Stricter answers: 70 % confidence");
        assertThat(page.locator("[data-testid=draft-same]")).isVisible();
        shoot("versions-list");

        // the diff: any two, field by field, the changed one highlighted
        page.locator("[data-testid=compare-link]").click();
        assertThat(page.locator("h1")).hasText("Version 1 and version 2");
        assertThat(page.locator("[data-testid=diff] tr[data-changed=true]")).hasCount(1);
        assertThat(page.locator("[data-testid=diff] tr[data-changed=true]")).containsText("50 %");
        assertThat(page.locator("[data-testid=diff] tr[data-changed=true]")).containsText("70 %");
        assertThat(page.locator("[data-testid=diff] tr[data-changed=true] td.changed").first()).isVisible();
        shoot("versions-diff");
        page.locator("[data-testid=only-changed]").check();
        page.locator("[data-testid=apply-compare]").click();
        assertThat(page.locator("[data-testid=diff] tbody tr")).hasCount(1);

        // version 2's page, then restore version 1 as version 3 through the confirm step
        page.navigate(versions + "/2");
        assertThat(page.locator("[data-testid=config]")).containsText("70 %");
        shoot("versions-version");
        page.navigate(versions);
        page.locator("[data-testid=restore-1]").click();
        assertThat(page.locator("h1")).hasText("Restore version 1 as version 3?");
        assertThat(page.locator("[data-testid=restore-changes]")).containsText("70 %");
        shoot("versions-restore-confirm");
        page.locator("[data-testid=confirm-restore]").click();
        assertThat(page.locator("#flash")).containsText("Restored version 1 as version 3, now live.");
        assertThat(page.locator("h1")).containsText("Version 3");
        assertThat(page.locator("[data-testid=live-badge]")).isVisible();
        assertThat(page.locator("main")).containsText("restored from");

        // the draft is version 1's again: the settings page shows it
        page.navigate(portal.url("/w/" + slug + "/settings/handoff"));
        assertThat(page.locator("[data-testid=threshold]")).hasValue("50");
        page.navigate(versions);
        assertThat(page.locator("[data-testid=versions] tbody tr")).hasCount(3);
        assertThat(page.locator("[data-testid=live-number]")).hasText("Version 3");
        assertThat(page.locator("[data-testid=live-history]")).containsText("Version 2 → 3");
    }

    /** The current page at 1366 and 390 px; neither may scroll sideways. */
    private void shoot(String name) {
        List<String> problems = new ArrayList<>();
        for (int width : new int[]{1366, 390}) {
            page.setViewportSize(width, 900);
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(null)))");
            Browsers.screenshot(page, "versions/" + name + "-" + width);
            int scroll = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            if (scroll > width) {
                problems.add(name + " at " + width + " px is " + scroll + " px wide");
            }
        }
        page.setViewportSize(1280, 860);
        assertThat(problems).isEmpty();
    }
}
