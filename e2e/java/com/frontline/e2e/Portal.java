package com.frontline.e2e;

import com.frontline.FrontlineApplication;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The whole portal on a random port with throw-away embedded PostgreSQL and Elasticsearch, plus a real OIDC provider
 * in-process (mock-oauth2-server). Started once per test JVM: every E2E class shares it.
 */
final class Portal {

    static final String OIDC_CLIENT = "mock";
    static final String OIDC_NAME = "Mock SSO";

    private static Portal instance;

    final MockOAuth2Server oidc;
    final ConfigurableApplicationContext app;
    final String baseUrl;

    private Portal() {
        oidc = new MockOAuth2Server();
        oidc.start(0);
        String issuer = oidc.issuerUrl("default").toString();
        // Command-line arguments, not default properties: application.yml's server.port would override those.
        app = new SpringApplicationBuilder(FrontlineApplication.class).run(
                "--server.port=0",
                "--frontline.embedded.ephemeral=true",
                // a shared 2-vCPU machine under load has taken over 90 s (the default) to start Elasticsearch
                "--frontline.elasticsearch.startup-timeout=300s",
                "--frontline.outbound.allowed-private-networks=127.0.0.1/32", // the fake providers' address
                "--frontline.insights.batch-delay=1s", // the gaps journey waits for the analysis of a resolved chat
                // alerts are checked when a test clicks "Check now": a background check in between counted one
                // repeat too many (UsageAlertsE2E)
                "--frontline.alerts.evaluate-every=7d",
                "--spring.security.oauth2.client.registration.mock.client-id=frontline",
                "--spring.security.oauth2.client.registration.mock.client-secret=e2e-secret",
                "--spring.security.oauth2.client.registration.mock.client-name=" + OIDC_NAME,
                "--spring.security.oauth2.client.registration.mock.scope=openid,email,profile",
                "--spring.security.oauth2.client.provider.mock.issuer-uri=" + issuer);
        baseUrl = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        awaitSeededKnowledge();
    }

    /**
     * The demo seed queues its documents for indexing at startup; on a 2-vCPU CI machine that competes with the first
     * test's own upload for minutes. Tests start once the seed's documents are indexed (or after five minutes).
     */
    private void awaitSeededKnowledge() {
        DSLContext db = app.getBean(DSLContext.class);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && db.fetchCount(DSL.table("knowledge.document_versions"),
                DSL.field("status").in("QUEUED", "PARSING", "CHUNKING", "EMBEDDING", "INDEXING")) > 0) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static synchronized Portal get() {
        if (instance == null) {
            instance = new Portal();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.app.close();
                instance.oidc.shutdown();
            }));
        }
        return instance;
    }

    /** The next OIDC login at the provider signs in as this person. */
    void nextOidcLogin(String subject, String email, String name) {
        oidc.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of("frontline"),
                Map.of("email", email, "email_verified", true, "name", name), 3600));
    }

    String url(String path) {
        return baseUrl + path;
    }
}
