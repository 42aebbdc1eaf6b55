package com.frontline.identity.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Wrong passwords slow down guessing, per account and per address; sign-up and invitation links too. Each test
 * comes from its own client address, as the buckets outlive a test.
 */
@IntegrationTest
class SignInBackOffTest {

    static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    static final String WAIT = "Too many failed attempts. For your security, please wait";

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneWaits() throws Exception {
        var user = accounts.user("guess");
        RequestPostProcessor from = newAddress();
        for (int i = 1; i <= 4; i++) {
            MockHttpSession s = login(user.email(), "wrong password " + i, from);
            page(s).andExpect(content().string(containsString("do not match an account")));
        }
        // the fifth failure starts the wait, and says so
        page(login(user.email(), "wrong password 5", from))
                .andExpect(content().string(containsString(WAIT)))
                .andExpect(content().string(matchesPattern("(?s).*wait \\d+ seconds? and try again.*")))
                .andExpect(content().string(not(containsString("do not match"))));
        // the right password during the wait does not sign in, from here or from anywhere else
        for (RequestPostProcessor anywhere : new RequestPostProcessor[]{from, newAddress()}) {
            MvcResult refused = mvc.perform(post("/login").with(csrf()).with(anywhere)
                            .param("username", user.email()).param("password", TestAccounts.PASSWORD))
                    .andExpect(redirectedUrl("/login?error")).andReturn();
            MockHttpSession s = (MockHttpSession) refused.getRequest().getSession();
            page(s).andExpect(content().string(containsString(WAIT)));
            mvc.perform(get("/").session(s).accept(org.springframework.http.MediaType.TEXT_HTML))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void aSuccessfulSignInStartsTheAccountAfresh() throws Exception {
        var user = accounts.user("typo");
        RequestPostProcessor from = newAddress();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                login(user.email(), "typo " + i, from);
            }
            mvc.perform(post("/login").with(csrf()).with(from)
                            .param("username", user.email()).param("password", TestAccounts.PASSWORD))
                    .andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedDown() throws Exception {
        RequestPostProcessor from = newAddress();
        for (int i = 0; i < 20; i++) {
            login(TestAccounts.unique("nobody") + "@example.com", "password " + i, from);
        }
        var victim = accounts.user("victim");
        page(login(victim.email(), TestAccounts.PASSWORD, from)).andExpect(content().string(containsString(WAIT)));
        // the same account from another address is fine
        mvc.perform(post("/login").with(csrf()).with(newAddress())
                        .param("username", victim.email()).param("password", TestAccounts.PASSWORD))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void refusedSignUpsBackOffWithAMessageOnTheForm() throws Exception {
        var taken = accounts.user("taken");
        RequestPostProcessor from = newAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/signup").with(csrf()).with(from).param("email", taken.email())
                            .param("displayName", "Someone").param("password", TestAccounts.PASSWORD))
                    .andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post("/signup").with(csrf()).with(from).param("email", taken.email())
                        .param("displayName", "Someone").param("password", TestAccounts.PASSWORD))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(containsString(WAIT)))
                .andExpect(content().string(containsString("Create")));
    }

    @Test
    void guessingInvitationLinksBacksOff() throws Exception {
        RequestPostProcessor from = newAddress();
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/invites/guess-" + i).with(from)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/invites/guess-more").with(from))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString(WAIT)));
        // a signed-in user accepting unknown links: their account backs off after five
        var user = accounts.signedIn(mvc, "links");
        RequestPostProcessor mine = newAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/invites/nope-" + i).session(user.session()).with(csrf()).with(mine))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/invites/nope-last").session(user.session()).with(csrf()).with(newAddress()))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString(WAIT)));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private MockHttpSession login(String email, String password, RequestPostProcessor from) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).with(from)
                        .param("username", email).param("password", password))
                .andExpect(redirectedUrl("/login?error"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession();
    }

    private org.springframework.test.web.servlet.ResultActions page(MockHttpSession session) throws Exception {
        return mvc.perform(get("/login").param("error", "").session(session)).andExpect(status().isOk());
    }

    private static RequestPostProcessor newAddress() {
        String address = "198.18." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.getAndIncrement() % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
