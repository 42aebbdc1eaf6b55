package com.frontline.chat;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.shared.CurrentTenant;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The handoff webhook goes through the outbound guard: a private or special-purpose address is refused on the form
 * and again at delivery (for an address stored before, or whose DNS changed), before any connection; what a receiver
 * answers is never shown. The test context allows 127.0.0.1 only; 127.0.0.2 plays an internal service.
 */
@IntegrationTest
class WebhookAddressGuardTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired ChatService chat;
    @Autowired ChatSettingsRepository settings;

    TestAccounts.Account alice;
    CurrentTenant tenant;
    HttpServer inside;
    final AtomicInteger insideHits = new AtomicInteger();

    @BeforeEach
    void workspace() throws Exception {
        alice = accounts.signedIn(mvc, "alice");
        tenant = accounts.asMember(alice, accounts.workspace(alice, "Hooks Co"));
        inside = server("127.0.0.2", 500, "INTERNAL-SERVICE-REPLY", insideHits);
    }

    @AfterEach
    void stop() {
        inside.stop(0);
    }

    @Test
    void aPrivateOrSpecialWebhookAddressIsRefusedOnTheFormWithAClearMessage() throws Exception {
        int port = inside.getAddress().getPort();
        for (String url : List.of("https://100.64.0.1/hook", "https://198.18.0.1/hook", "http://127.0.0.2:" + port + "/hook",
                "http://2852039166/", "http://[::ffff:169.254.169.254]/", "https://[fd00:ec2:0::254]/")) {
            String page = mvc.perform(post("/w/{s}/settings/handoff", tenant.slug()).session(alice.session())
                            .with(csrf()).param("threshold", "50").param("webhookUrl", url))
                    .andExpect(status().isUnprocessableContent())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).as(url).containsAnyOf("which this portal does not call", "which this portal never calls");
        }
        assertThat(chat.settings(tenant.id()).webhookUrl()).isNull();
        assertThat(insideHits).hasValue(0);
    }

    @Test
    void aStoredAddressThatPointsInsideIsRefusedAtDeliveryBeforeAnyConnection() {
        // as if saved before the guard existed, or its name now resolves inside
        settings.update(tenant.id(), 0.5, false, "http://127.0.0.2:" + inside.getAddress().getPort() + "/hook");

        Conversation c = chat.start(tenant.id(), Channel.WIDGET, "visitor-1");
        chat.ask(tenant.id(), c.id(), "I want to talk to a human please");

        await(() -> !chat.webhookDeliveries(tenant.id()).isEmpty()
                && chat.webhookDeliveries(tenant.id()).getFirst().lastError() != null);
        WebhookDelivery d = chat.webhookDeliveries(tenant.id()).getFirst();
        assertThat(d.status()).isNotEqualTo("DELIVERED");
        assertThat(d.lastError()).contains("loopback", "does not call");
        assertThat(insideHits).hasValue(0);
    }

    @Test
    void whatAReceiverAnswersIsNeverShown() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer receiver = server("127.0.0.1", 500, "RECEIVER-STACK-TRACE", hits);
        try {
            chat.updateSettings(tenant, "50", false, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            Conversation c = chat.start(tenant.id(), Channel.WIDGET, "visitor-2");
            chat.ask(tenant.id(), c.id(), "I want to talk to a human please");

            await(() -> !chat.webhookDeliveries(tenant.id()).isEmpty()
                    && chat.webhookDeliveries(tenant.id()).getFirst().lastError() != null);
            assertThat(chat.webhookDeliveries(tenant.id()).getFirst().lastError())
                    .isEqualTo("The webhook answered HTTP 500.");
            assertThat(hits.get()).isPositive();
            String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .get("/w/{s}/settings/handoff", tenant.slug()).session(alice.session()))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("The webhook answered HTTP 500.").doesNotContain("RECEIVER-STACK-TRACE");
        } finally {
            receiver.stop(0);
        }
    }

    private static HttpServer server(String address, int status, String body, AtomicInteger hits) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
