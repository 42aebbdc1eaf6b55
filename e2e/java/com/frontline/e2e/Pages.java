package com.frontline.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Page objects: what a person does on each screen, in their words. */
final class Pages {

    static final String PASSWORD = "a long enough passphrase";

    private Pages() {
    }

    record SignUpPage(Page page, Portal portal) {
        void signUp(String name, String email) {
            page.navigate(portal.url("/signup"));
            fillAndSubmit(name, email);
        }

        void fillAndSubmit(String name, String email) {
            page.getByLabel("Work e-mail").fill(email);
            fillInvitedAndSubmit(name);
        }

        /** From an invitation link: the invited address is already there and fixed. */
        void fillInvitedAndSubmit(String name) {
            page.getByLabel("Your name").fill(name);
            page.getByLabel("Password").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        }
    }

    record LoginPage(Page page, Portal portal) {
        void signIn(String email, String password) {
            page.navigate(portal.url("/login"));
            page.getByLabel("E-mail").fill(email);
            page.getByLabel("Password").fill(password);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        }

        void continueWith(String provider) {
            page.navigate(portal.url("/login"));
            page.getByText("Continue with " + provider).click();
        }
    }

    record WorkspaceStep(Page page) {
        void create(String company, String slug, String sector) {
            page.getByLabel("Company name").fill(company);
            page.getByLabel("Workspace address").fill(slug);
            page.getByLabel("Sector").selectOption(sector);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create workspace →")).click();
        }
    }

    static void continueWizard(Page page) {
        page.locator("[data-testid=continue]").click();
    }
}
