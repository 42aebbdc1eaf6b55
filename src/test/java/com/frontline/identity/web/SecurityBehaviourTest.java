package com.frontline.identity.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SecurityBehaviourTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;

    @Test
    void pagesNeedASignedInUser() throws Exception {
        mvc.perform(get("/w/acme").accept(org.springframework.http.MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void anExpiredSessionUnderHtmxReloadsTheWholePage() throws Exception {
        mvc.perform(get("/w/acme/settings/persona").header("HX-Request", "true"))
                .andExpect(header().string("HX-Refresh", "true"));
    }

    @Test
    void stateChangingRequestsNeedTheCsrfToken() throws Exception {
        var account = accounts.signedIn(mvc, "csrf");
        mvc.perform(post("/onboarding").session(account.session()).param("name", "X Corp").param("slug", "x-corp")
                .param("sector", "Other")).andExpect(status().isForbidden());
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void loginChangesTheSessionIdAndWrongPasswordsAreRefused() throws Exception {
        var user = accounts.user("fix");
        var anonymous = mvc.perform(get("/login")).andReturn().getRequest().getSession();
        String before = anonymous.getId();
        var result = mvc.perform(formLogin("/login").user(user.email()).password(TestAccounts.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn();
        org.assertj.core.api.Assertions.assertThat(result.getRequest().getSession().getId()).isNotEqualTo(before);
        mvc.perform(formLogin("/login").user(user.email()).password("wrong password!"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void errorsNeverShowAStackTrace() throws Exception {
        var account = accounts.signedIn(mvc, "err");
        mvc.perform(get("/w/does-not-exist").session(account.session()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("could not find")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void healthShowsTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void theDemoWorkspaceIsSeededWithItsAdmin() throws Exception {
        var login = mvc.perform(formLogin("/login").user("admin@acme.test").password("frontline-demo"))
                .andExpect(redirectedUrl("/")).andReturn();
        mvc.perform(get("/w/acme").session((org.springframework.mock.web.MockHttpSession) login.getRequest().getSession())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Acme Support")));
    }
}
