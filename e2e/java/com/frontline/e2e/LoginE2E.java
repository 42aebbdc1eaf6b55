package com.frontline.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

class LoginE2E extends E2ETest {

    @Test
    void signInThroughTheOidcProvider() {
        String email = unique("olga") + "@sso.example";
        portal.nextOidcLogin(unique("sub"), email, "Olga Oidc");
        Browsers.screenshot(withLoginPage(), "login");
        new Pages.LoginPage(page, portal).continueWith(Portal.OIDC_NAME);

        assertThat(page).hasURL(portal.url("/onboarding"));
        assertThat(page.locator(".focus-user")).containsText(email);
    }

    @Test
    void theDemoAdminSignsInToTheSeededWorkspace() {
        new Pages.LoginPage(page, portal).signIn("admin@acme.test", "frontline-demo");
        assertThat(page).hasURL(portal.url("/w/acme"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Acme Support"))).isVisible();
    }

    @Test
    void aWrongPasswordIsSaidPlainly() {
        new Pages.LoginPage(page, portal).signIn("admin@acme.test", "not the password");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("do not match");
    }

    private Page withLoginPage() {
        page.navigate(portal.url("/login"));
        return page;
    }
}
