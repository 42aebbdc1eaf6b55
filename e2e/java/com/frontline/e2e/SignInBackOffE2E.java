package com.frontline.e2e;

import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Someone guessing a password is told, on the login page, how long to wait. */
class SignInBackOffE2E extends E2ETest {

    @Test
    void afterFiveWrongPasswordsTheLoginPageSaysWhenToTryAgain() {
        String email = unique("guessed") + "@example.com";
        var login = new Pages.LoginPage(page, portal);
        for (int i = 1; i <= 4; i++) {
            login.signIn(email, "wrong password " + i);
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("do not match");
        }
        login.signIn(email, "wrong password 5");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Too many failed attempts");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("and try again");
        Browsers.screenshot(page, "login-back-off-1366");
        page.setViewportSize(390, 844);
        Browsers.screenshot(page, "login-back-off-390");
    }
}
