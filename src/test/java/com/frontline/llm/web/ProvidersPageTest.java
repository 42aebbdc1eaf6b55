package com.frontline.llm.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.llm.FakeOpenAiServer;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ProvidersPageTest {

    static FakeOpenAiServer fake;

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired JdbcTemplate jdbc;

    TestAccounts.Account owner;
    Workspace w;
    String base;

    @BeforeAll
    static void startFake() throws IOException {
        fake = new FakeOpenAiServer();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void workspace() throws Exception {
        owner = accounts.signedIn(mvc, "owner");
        w = accounts.workspace(owner, "Page Corp");
        base = "/w/" + w.slug() + "/settings/providers";
    }

    @Test
    void withoutProvidersThePageExplainsTheOfflineAnswerer() throws Exception {
        mvc.perform(get(base).session(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Offline answerer in use")))
                .andExpect(content().string(containsString("No calls yet this month")));
    }

    @Test
    void aSavedKeyIsEncryptedAndShownOnlyByItsLastFourCharacters() throws Exception {
        String key = "sk-live-" + UUID.randomUUID().toString().replace("-", "") + "WXYZ";
        mvc.perform(post(base).session(owner.session()).with(csrf())
                        .param("kind", "OPENAI").param("label", "OpenAI").param("apiKey", key)
                        .param("defaultModel", "gpt-4.1-mini").param("timeoutSeconds", "20")
                        .param("enabled", "true").param("supportsTools", "true"))
                .andExpect(redirectedUrl(base));

        mvc.perform(get(base).session(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("••••WXYZ")))
                .andExpect(content().string(not(containsString(key))))
                .andExpect(content().string(not(containsString(key.substring(0, 20)))))
                .andExpect(content().string(not(containsString("Offline answerer in use"))));

        byte[] stored = jdbc.queryForObject("select api_key_ciphertext from llm.providers where tenant_id = ?",
                byte[].class, w.id().value());
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("sk-live");
        String audit = String.join(" ", jdbc.queryForList(
                "select coalesce(after::text, '') from audit.entries where tenant_id = ?", String.class,
                w.id().value()));
        assertThat(audit).contains("WXYZ").doesNotContain(key);
    }

    @Test
    void badInputGetsClearInlineMessagesAndTheKeyIsNotEchoed() throws Exception {
        mvc.perform(post(base).session(owner.session()).with(csrf())
                        .param("kind", "OPENAI_COMPATIBLE").param("apiKey", "typed-secret-1234")
                        .param("baseUrl", "ftp://nowhere").param("timeoutSeconds", "9000"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Enter a full http:// or https:// address.")))
                .andExpect(content().string(containsString("Enter the model to use")))
                .andExpect(content().string(containsString("Use 1 to 300 seconds.")))
                .andExpect(content().string(not(containsString("typed-secret-1234"))));

        mvc.perform(post(base).session(owner.session()).with(csrf())
                        .param("kind", "OPENAI_COMPATIBLE").param("baseUrl", "http://169.254.169.254/latest")
                        .param("defaultModel", "x"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("cloud metadata")));

        mvc.perform(post(base + "/routing").session(owner.session()).with(csrf())
                        .param("simpleMaxScore", "70").param("complexMinScore", "40")
                        .param("longContextChars", "lots").param("monthlyBudget", "-5"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Must be higher than the simple threshold")))
                .andExpect(content().string(containsString("Enter a whole number.")))
                .andExpect(content().string(containsString("Use an amount from 0")));

        mvc.perform(post(base + "/routing").session(owner.session()).with(csrf())
                        .param("simpleMaxScore", "30").param("complexMinScore", "65")
                        .param("longContextChars", "12000").param("monthlyBudget", "0.001"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Use whole cents")));
    }

    @Test
    void testConnectionAnswersInPlaceForHtmx() throws Exception {
        mvc.perform(post(base).session(owner.session()).with(csrf())
                        .param("kind", "OPENAI_COMPATIBLE").param("label", "Local")
                        .param("baseUrl", fake.baseUrl("ok")).param("defaultModel", "local-model")
                        .param("timeoutSeconds", "5").param("enabled", "true"))
                .andExpect(redirectedUrl(base));
        UUID id = jdbc.queryForObject("select id from llm.providers where tenant_id = ?", UUID.class, w.id().value());

        mvc.perform(post(base + "/" + id + "/test").session(owner.session()).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"test-" + id + "\"")))
                .andExpect(content().string(containsString("Connected: local-model answered")));

        mvc.perform(get(base).session(owner.session()))
                .andExpect(content().string(containsString("connection test")))
                .andExpect(content().string(containsString("Local · local-model")));
    }

    @Test
    void overBudgetTheAdminSeesWhy() throws Exception {
        mvc.perform(post(base + "/routing").session(owner.session()).with(csrf())
                        .param("routingEnabled", "true").param("simpleMaxScore", "30").param("complexMinScore", "65")
                        .param("longContextChars", "12000").param("monthlyBudget", "5"))
                .andExpect(redirectedUrl(base));
        jdbc.update("""
                insert into llm.usage_records (tenant_id, provider, provider_kind, model, purpose, route,
                  routing_reason, complexity, hop, tokens_in, tokens_out, cost_usd, latency_ms, outcome, success, failover)
                values (?, 'OpenAI', 'OPENAI', 'gpt-4.1', 'ANSWER', 'complex', 'x', 80, 0, 1000, 100, 5.20, 900, 'OK',
                  true, false)""", w.id().value());

        mvc.perform(get(base).session(owner.session()))
                .andExpect(content().string(containsString("Monthly budget reached.")))
                .andExpect(content().string(containsString("$5.20 of $5.00 spent this month.")));
    }

    @Test
    void aNonMemberGets404() throws Exception {
        TestAccounts.Account stranger = accounts.signedIn(mvc, "stranger");
        mvc.perform(get(base).session(stranger.session())).andExpect(status().isNotFound());
    }
}
