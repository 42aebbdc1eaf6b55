package com.frontline.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** An admin invites a teammate; the teammate opens the link, signs up, joins; the link then no longer works. */
class InvitationE2E extends E2ETest {

    @Test
    void aTeammateJoinsThroughTheInviteLinkOnce() {
        String invitee = unique("ines") + "@acme.example";
        new Pages.LoginPage(page, portal).signIn("admin@acme.test", "frontline-demo");
        page.navigate(portal.url("/w/acme/settings/team"));
        page.getByLabel("E-mail").fill(invitee);
        page.locator(".invite-form select[name=role]").selectOption("AGENT");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
        String link = page.locator("#invite-link").textContent().strip();
        Browsers.screenshot(page, "team-settings");

        Page teammate = newPersonPage();
        teammate.navigate(link);
        assertThat(teammate.getByRole(AriaRole.HEADING)).containsText("Join Acme Support");
        teammate.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create an account")).click();
        // the sign-up from the link already holds the invited address, which only that address can accept
        assertThat(teammate.getByLabel("Work e-mail")).hasValue(invitee);
        assertThat(teammate.getByLabel("Work e-mail")).not().isEditable();
        Browsers.screenshot(teammate, "invite-signup");
        new Pages.SignUpPage(teammate, portal).fillInvitedAndSubmit("Ines Invited");
        teammate.locator("[data-testid=accept-invite]").click();
        assertThat(teammate).hasURL(portal.url("/w/acme"));
        assertThat(teammate.getByText("Welcome to the team!")).isVisible();
        assertThat(teammate.locator("[data-testid=workspace-switcher]")).containsText("Agent");

        teammate.navigate(link);
        assertThat(teammate.getByRole(AriaRole.ALERT)).containsText("already been used");
        teammate.context().close();
    }
}
