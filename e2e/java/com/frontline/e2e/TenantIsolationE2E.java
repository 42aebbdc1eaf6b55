package com.frontline.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in member of workspace B cannot open any page of workspace A. */
class TenantIsolationE2E extends E2ETest {

    @Test
    void tenantBCannotReachTenantA() {
        // A: the seeded Acme workspace. B: a new user with their own workspace.
        String slug = unique("beta");
        new Pages.SignUpPage(page, portal).signUp("Ben Beta", slug + "@beta.example");
        new Pages.WorkspaceStep(page).create("Beta Co", slug, "Other");
        assertThat(page.getByText("Step 2 of 5")).isVisible();

        for (String path : new String[]{"/w/acme", "/w/acme/settings/persona", "/w/acme/settings/team",
                "/w/acme/audit", "/w/acme/logo"}) {
            Response response = page.navigate(portal.url(path));
            assertThat(response.status()).as(path).isEqualTo(404);
        }
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Page not found"))).isVisible();
        page.navigate(portal.url("/w/acme/settings/team"));
        Browsers.screenshot(page, "isolation-404");
    }
}
