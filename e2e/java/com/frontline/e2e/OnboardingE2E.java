package com.frontline.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A new company signs up and walks the five-step wizard to the embed snippet. */
class OnboardingE2E extends E2ETest {

    @Test
    void signUpThenWizardToEmbedSnippet() throws Exception {
        String slug = unique("bloom");
        new Pages.SignUpPage(page, portal).signUp("Bea Bloom", slug + "@bloom.example");

        assertThat(page).hasURL(portal.url("/onboarding"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Create your workspace")))
                .isVisible();
        page.getByLabel("Company name").fill("Bloom Flowers");
        assertThat(page.locator("#slug-status")).containsText("bloom-flowers");   // live suggestion from the name
        Browsers.screenshot(page, "wizard-1-workspace");
        new Pages.WorkspaceStep(page).create("Bloom Flowers", slug, "E-commerce & retail");

        // Step 2: persona, with an inline error first
        assertThat(page.getByText("Step 2 of 5")).isVisible();
        page.getByLabel("Assistant name").fill("");
        Pages.continueWizard(page);
        assertThat(page.locator("#assistantName-error")).containsText("Give the assistant a name");
        page.getByLabel("Assistant name").fill("Rosa");
        page.getByText("Concise", new Page.GetByTextOptions().setExact(true)).click();
        Browsers.screenshot(page, "wizard-2-persona");
        Pages.continueWizard(page);

        // Step 3: branding with live preview and a logo
        assertThat(page.getByText("Step 3 of 5")).isVisible();
        page.locator("#primaryColor").fill("#e11d48");
        assertThat(page.locator("#brand-preview")).hasAttribute("style",
                java.util.regex.Pattern.compile("--brand: #e11d48"));
        Path logo = Files.createTempFile("logo", ".svg");
        Files.writeString(logo, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
                + "<circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"#e11d48\"/></svg>", StandardCharsets.UTF_8);
        page.locator("input[type=file]").setInputFiles(logo);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload logo")).click();
        assertThat(page.getByText("Logo uploaded.")).isVisible();
        // the colour typed before the upload is still there (not saved yet), and so is its preview
        assertThat(page.locator("#primaryColor")).hasValue("#e11d48");
        assertThat(page.locator("#brand-preview")).hasAttribute("style",
                java.util.regex.Pattern.compile("--brand: #e11d48"));
        Browsers.screenshot(page, "wizard-3-branding");
        Pages.continueWizard(page);

        // Step 4: widget, with a bad origin first
        assertThat(page.getByText("Step 4 of 5")).isVisible();
        page.locator("textarea[name=origins]").fill("https://www.bloom.example\nftp://nope");
        Pages.continueWizard(page);
        assertThat(page.locator("#origins-error")).containsText("Line 2");
        page.locator("textarea[name=origins]").fill("https://www.bloom.example");
        assertThat(page.locator("[data-testid=embed-snippet]")).containsText("data-key=\"pk_");
        assertThat(page.locator("[data-testid=embed-snippet]")).containsText("/widget.js");
        Browsers.screenshot(page, "wizard-4-widget");
        Pages.continueWizard(page);

        // Step 5: invite a teammate, see the link, finish
        assertThat(page.getByText("Step 5 of 5")).isVisible();
        page.getByLabel("E-mail").fill("sam@bloom.example");
        page.getByLabel("Role").selectOption("AGENT");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
        assertThat(page.locator("[data-testid=invite-created]")).containsText("/invites/");
        Browsers.screenshot(page, "wizard-5-team");
        page.locator("[data-testid=finish-setup]").click();

        assertThat(page).hasURL(portal.url("/w/" + slug));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bloom Flowers"))).isVisible();
        assertThat(page.locator("#dash-snippet")).containsText("data-key=\"pk_");
        Browsers.screenshot(page, "dashboard");

        page.setViewportSize(390, 844);
        page.navigate(portal.url("/w/" + slug + "/settings/branding"));
        Browsers.screenshot(page, "branding-mobile");
    }
}
