package com.frontline;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import com.frontline.rollouts.RolloutTestClock;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole app on a throw-away embedded PostgreSQL (and Elasticsearch), one context shared by every test class
 * that uses this annotation unchanged.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "frontline.embedded.ephemeral=true",
        // a shared 2-vCPU machine under load has taken over 90 s (the default) to start Elasticsearch
        "frontline.elasticsearch.startup-timeout=300s",
        "spring.thymeleaf.cache=false",
        // the fake providers and webhook receivers listen on 127.0.0.1; every other private address stays refused
        "frontline.outbound.allowed-private-networks=127.0.0.1/32",
        "frontline.chat.webhook-backoff=500ms",
        // the implicit-signals job reads quiet conversations when a test calls it: in the background it re-scored
        // seeded answers while roll-up tests compared figures
        "frontline.chat.signals.every=7d",
        // the usage summaries and the alert checks run when a test calls them, not in the background mid-test
        "frontline.llm.usage.summary-every=7d",
        "frontline.alerts.evaluate-every=7d",
        // the rollout guard looks when a test calls it (on the test's clock), not every minute in the background
        "frontline.rollouts.guard-every=7d",
        // the guard flows are written for an hour's window (a few hundred answers); the product's default is a day
        "frontline.rollouts.guard-window=60m",
        "frontline.alerts.delivery-backoff=500ms",
        // a stream that stalls between tokens fails over after this gap (the product's default is 10 s)
        "frontline.llm.stream-idle-timeout=2s",
        // retention and the erasure retry run when a test calls them, not in the background mid-test
        "frontline.privacy.retention-every=7d",
        "frontline.privacy.retry-every=7d",
        "frontline.metrics.scrape-token=" + IntegrationTest.SCRAPE_TOKEN
})
@AutoConfigureMockMvc
@Import({TestAccounts.class, RolloutTestClock.class})
public @interface IntegrationTest {

    /** The metrics scrape credential of the test context. */
    String SCRAPE_TOKEN = "test-scrape-token-0123456789abcdef0123456789";
}
