package com.frontline.e2e;

import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In its own workspace an admin publishes version 2 without making it live, opens Rollouts (empty), starts a 10 %
 * rollout of version 2 (first with a step and an A/B split the form refuses at their fields), sees the gate pass
 * (the workspace has no evaluation cases, so the gate is skipped) and the split in force on the dashboard, rolls back
 * through the confirm step (a reason is required), and finds the rollback in the history with all traffic on version
 * 1 again. Screenshots at 1366 and 390 px land in target/screenshots/rollouts; no page may scroll sideways.
 */
class RolloutsE2E extends E2ETest {

    static final LocatorAssertions.HasTextOptions GATE = new LocatorAssertions.HasTextOptions().setTimeout(90_000);

    @Test
    void publishStartATenPercentRolloutAndRollBack() {
        String slug = unique("rollouts");
        new Pages.SignUpPage(page, portal).signUp("Rita Rollout", slug + "@owner.example");
        new Pages.WorkspaceStep(page).create("Kettle Shop", slug, "E-commerce & retail");
        assertThat(page.getByText("Step 2 of 5")).isVisible();

        // version 2: a changed confidence threshold, published but not live (the first look at the versions makes
        // version 1 of the settings as created)
        page.navigate(portal.url("/w/" + slug + "/versions"));
        assertThat(page.locator("[data-testid=live-number]")).hasText("Version 1");
        page.navigate(portal.url("/w/" + slug + "/settings/handoff"));
        page.locator("[data-testid=threshold]").fill("65");
        page.locator("[data-testid=save-handoff]").click();
        assertThat(page.locator("#flash")).containsText("Handoff settings saved.");
        page.navigate(portal.url("/w/" + slug + "/versions"));
        page.locator("[data-testid=publish-note]").fill("Stricter: 65 % confidence");
        page.locator("[data-testid=publish-live]").uncheck();
        page.locator("[data-testid=publish]").click();
        assertThat(page.locator("#flash")).containsText("Published version 2. Website visitors keep getting version 1");

        // Rollouts, from the sidebar: nothing yet
        page.locator("[data-testid=nav-rollouts]").click();
        assertThat(page.locator("h1")).hasText("Rollouts");
        assertThat(page.locator("[data-testid=rollouts-empty]")).containsText(
                "No rollout yet: publish a version on the Versions page, then start a rollout here");
        assertThat(page.locator("[data-testid=split-words]")).hasText("v1 100 %");
        shoot("rollouts-empty");

        // the form: version 2 is the candidate, version 1 (live) the baseline, 10 → 50 → 100 %
        page.locator("[data-testid=new-experiment]").click();
        assertThat(page.locator("h1")).hasText("New experiment");
        assertThat(page.locator("[data-testid=candidate-version]")).hasValue("2");
        assertThat(page.locator("[data-testid=step-1]")).hasValue("10");
        assertThat(page.locator("[data-testid=step-3]")).hasValue("100");
        // the rehearsal line answers (a new workspace has no rated answers to model yet)
        assertThat(page.locator("[data-testid=rehearsal-line]")).containsText("Not enough recent traffic",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        page.locator("[data-testid=experiment-name]").fill("Stricter answers");

        // an A/B split that does not add up is refused at its field
        page.locator("[data-testid=kind-ab]").check();
        assertThat(page.locator("[data-testid=arm-percent-1]")).isVisible();
        assertThat(page.locator("[data-testid=step-1]")).isHidden();
        page.locator("[data-testid=arm-percent-1]").fill("60");
        page.locator("[data-testid=arm-percent-2]").fill("30");
        page.locator("[data-testid=start-experiment]").click();
        assertThat(page.locator("#arms-error")).containsText("100 %");
        assertThat(page.locator("[data-testid=arm-percent-1]")).hasValue("60");
        shoot("rollouts-new-refused");

        // a step that is not a percentage, then the plan as it should be
        page.locator("[data-testid=kind-rollout]").check();
        page.locator("[data-testid=step-1]").fill("ten");
        page.locator("[data-testid=start-experiment]").click();
        assertThat(page.locator("#steps-error")).isVisible();
        assertThat(page.locator("[data-testid=experiment-name]")).hasValue("Stricter answers");
        page.locator("[data-testid=step-1]").fill("10");
        shoot("rollouts-new");
        page.locator("[data-testid=start-experiment]").click();

        // the gate (no evaluation cases: skipped), then traffic split 90 / 10
        assertThat(page.locator("#flash")).containsText("Experiment #1 created");
        assertThat(page.locator("[data-testid=experiment-status]")).hasText("Running", GATE);
        assertThat(page.locator("[data-testid=experiment-split] .split-legend")).containsText("v2 candidate 10 %");
        assertThat(page.locator("[data-testid=plan-steps] li.current")).containsText("10 %");
        assertThat(page.locator("[data-testid=gate]")).containsText("No evaluation cases");
        assertThat(page.locator("[data-testid=decision]")).isVisible();
        assertThat(page.locator("[data-testid=arm-table]")).containsText("v1 baseline");
        assertThat(page.locator("[data-testid=arm-table]")).containsText("v2 candidate");
        assertThat(page.locator("[data-testid=rollout-chart]")).isVisible();
        shoot("rollouts-experiment");

        // the dashboard: the split in force and the running rollout with its buttons
        page.locator(".eyebrow a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Rollouts")).click();
        assertThat(page.locator("[data-testid=split-words]")).hasText("v1 90 % · v2 10 %");
        assertThat(page.locator("[data-testid=current-status]")).hasText("Running");
        assertThat(page.locator("[data-testid=advance]")).hasText("Advance to 50 %");
        assertThat(page.locator("[data-testid=deployment-history]")).containsText("Created");
        shoot("rollouts-overview");

        // roll back: a confirm step, and a reason
        page.locator("[data-testid=rollback]").click();
        assertThat(page.locator("h1")).hasText("Roll back experiment #1?");
        page.locator("[data-testid=confirm-rollback]").click();
        assertThat(page.locator("#reason-error")).containsText("Say why you roll back");
        page.locator("[data-testid=rollback-reason]").fill("Customers say the answers got too cautious.");
        shoot("rollouts-rollback-confirm");
        page.locator("[data-testid=confirm-rollback]").click();

        assertThat(page.locator("#flash")).containsText("Rolled back: all visitors get version 1 again.");
        assertThat(page.locator("h1")).hasText("Rollouts");
        assertThat(page.locator("[data-testid=split-words]")).hasText("v1 100 %");
        assertThat(page.locator("[data-testid=last-rollback]")).containsText("rolled back");
        assertThat(page.locator("[data-testid=last-rollback-reason]")).hasText(
                "Customers say the answers got too cautious.");
        assertThat(page.locator("[data-testid=deployment-history] li").first()).containsText("Rolled back");
        assertThat(page.locator("[data-testid=deployment-history] li").first()).containsText(
                "Customers say the answers got too cautious.");
        assertThat(page.locator("[data-testid=deployment-history] li").first()).containsText("v1 100 %");
        assertThat(page.locator("[data-testid=experiments] tr[data-number='1']")).containsText("Rolled back");
        assertThat(page.locator("[data-testid=new-experiment]")).isVisible();
        shoot("rollouts-after-rollback");

        // the experiment keeps its outcome
        page.locator("[data-testid=experiments] tr[data-number='1'] a").click();
        assertThat(page.locator("[data-testid=experiment-status]")).hasText("Rolled back");
        assertThat(page.locator("[data-testid=decision]")).containsText("Customers say the answers got too cautious.");
        assertThat(page.locator("[data-testid=controls]")).hasCount(0);
        shoot("rollouts-experiment-rolled-back");
    }

    /** The current page at 1366 and 390 px; neither may scroll sideways. */
    private void shoot(String name) {
        List<String> problems = new ArrayList<>();
        for (int width : new int[]{1366, 390}) {
            page.setViewportSize(width, 900);
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(null)))");
            Browsers.screenshot(page, "rollouts/" + name + "-" + width);
            int scroll = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
            if (scroll > width) {
                problems.add(name + " at " + width + " px is " + scroll + " px wide");
            }
        }
        page.setViewportSize(1280, 860);
        assertThat(problems).isEmpty();
    }
}
