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

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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

    // ---- outbound guard: no call to private or special addresses, and no upstream text on the page ----------------

    @Test
    void aBaseUrlInAPrivateOrSpecialRangeIsRefusedOnTheFormBeforeAnyCall() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer inside = server("127.0.0.2", 200, "INTERNAL-SERVICE-REPLY", hits);
        try {
            int port = inside.getAddress().getPort();
            for (String url : List.of("http://127.0.0.2:" + port + "/v1", "http://2852039166/",
                    "http://[::ffff:169.254.169.254]/", "http://[fd00:ec2:0::254]/", "http://100.64.0.1/v1",
                    "http://198.18.0.1/v1", "http://0x7f.2:" + port + "/v1", "http://metadata.google.internal./")) {
                mvc.perform(post(base).session(owner.session()).with(csrf())
                                .param("kind", "OPENAI_COMPATIBLE").param("label", "Inside")
                                .param("baseUrl", url).param("defaultModel", "m").param("enabled", "true"))
                        .andExpect(status().isUnprocessableContent())
                        .andExpect(content().string(not(containsString("INTERNAL-SERVICE-REPLY"))));
            }
            String page = mvc.perform(post(base).session(owner.session()).with(csrf())
                            .param("kind", "OPENAI_COMPATIBLE").param("label", "Inside")
                            .param("baseUrl", "http://127.0.0.2:" + port + "/v1").param("defaultModel", "m"))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("That address is in the loopback range (this server itself), which this "
                    + "portal does not call.");
            assertThat(hits).hasValue(0);
            assertThat(jdbc.queryForObject("select count(*) from llm.providers where tenant_id = ?", Integer.class,
                    w.id().value())).isZero();
        } finally {
            inside.stop(0);
        }
    }

    @Test
    void testConnectionToAStoredAddressThatPointsInsideIsRefusedAlikeForOpenAndClosedPorts() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer inside = server("127.0.0.2", 200, "INTERNAL-SERVICE-REPLY", hits);
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            closed = socket.getLocalPort();
        }
        try {
            // saved while they were fine (or before this check existed); now they point at an internal service
            UUID open = saveCompatible("Open port", fake.baseUrl("ok"));
            UUID shut = saveCompatible("Closed port", fake.baseUrl("ok"));
            jdbc.update("update llm.providers set base_url = ? where id = ?",
                    "http://127.0.0.2:" + inside.getAddress().getPort() + "/v1", open);
            jdbc.update("update llm.providers set base_url = ? where id = ?", "http://127.0.0.2:" + closed + "/v1", shut);

            String a = testResult(open).replace(open.toString(), "ID");
            String b = testResult(shut).replace(shut.toString(), "ID");

            assertThat(a).isEqualTo(b).contains("loopback range").doesNotContain("INTERNAL-SERVICE-REPLY",
                    "Connect", "Exception");
            assertThat(hits).hasValue(0);
        } finally {
            inside.stop(0);
        }
    }

    @Test
    void aProvidersReplyAndRawExceptionsAreNeverShown() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer upstream = server("127.0.0.1", 401, "{\"error\":\"UPSTREAM-SECRET key sk-live-9999 invalid\"}", hits);
        try {
            UUID refused = saveCompatible("Bad key", "http://127.0.0.1:" + upstream.getAddress().getPort() + "/v1");
            UUID gone = saveCompatible("Gone", FakeOpenAiServer.closedPortUrl());

            assertThat(testResult(refused)).contains("The provider refused the API key (HTTP 401).")
                    .doesNotContain("UPSTREAM-SECRET", "HttpException", "AuthenticationException");
            assertThat(testResult(gone)).contains("Could not connect to 127.0.0.1: connection refused.")
                    .doesNotContain("ConnectException", "Connection refused");
            assertThat(hits.get()).isPositive();

            mvc.perform(get(base).session(owner.session()))
                    .andExpect(content().string(containsString("The provider refused the API key (HTTP 401).")))
                    .andExpect(content().string(not(containsString("UPSTREAM-SECRET"))));
        } finally {
            upstream.stop(0);
        }
    }

    private UUID saveCompatible(String label, String baseUrl) throws Exception {
        mvc.perform(post(base).session(owner.session()).with(csrf())
                        .param("kind", "OPENAI_COMPATIBLE").param("label", label).param("baseUrl", baseUrl)
                        .param("defaultModel", "local-model").param("timeoutSeconds", "5").param("enabled", "true"))
                .andExpect(redirectedUrl(base));
        return jdbc.queryForObject("select id from llm.providers where tenant_id = ? and label = ?", UUID.class,
                w.id().value(), label);
    }

    private String testResult(UUID id) throws Exception {
        return mvc.perform(post(base + "/" + id + "/test").session(owner.session()).with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static HttpServer server(String address, int status, String body, AtomicInteger hits) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void aNonMemberGets404() throws Exception {
        TestAccounts.Account stranger = accounts.signedIn(mvc, "stranger");
        mvc.perform(get(base).session(stranger.session())).andExpect(status().isNotFound());
    }
}
