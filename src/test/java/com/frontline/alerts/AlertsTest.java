package com.frontline.alerts;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.Channel;
import com.frontline.chat.FeedbackReviewFixture;
import com.frontline.llm.UsageFixture;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.TenantId;
import com.frontline.shared.UserFacingException;
import com.sun.net.httpserver.HttpServer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Raising, throttling and the evaluation job against the embedded PostgreSQL, two workspaces side by side, and the
 * deliveries: e-mail skipped without a mail server, the webhook through the outbound guard (127.0.0.1 is allowed in
 * tests, 127.0.0.2 plays an internal address and must never be called).
 */
@IntegrationTest
class AlertsTest {

    @Autowired Alerts alerts;
    @Autowired AlertRepository repository;
    @Autowired DeliveryRepository deliveries;
    @Autowired AlertSettingsRepository settings;
    @Autowired AlertEvaluation evaluation;
    @Autowired TestAccounts accounts;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired DSLContext dsl;

    TestAccounts.Account alice;
    CurrentTenant a;
    CurrentTenant b;
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<String> internalHits = new CopyOnWriteArrayList<>();
    HttpServer receiver;
    HttpServer internal;

    @BeforeEach
    void twoWorkspaces() throws Exception {
        alice = accounts.signedIn(mvc, "alice");
        var bob = accounts.signedIn(mvc, "bob");
        a = accounts.asMember(alice, accounts.workspace(alice, "Alerts A"));
        b = accounts.asMember(bob, accounts.workspace(bob, "Alerts B"));
        receiver = server("127.0.0.1", received);
        internal = server("127.0.0.2", internalHits);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        internal.stop(0);
    }

    static HttpServer server(String address, List<String> bodies) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        s.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        s.start();
        return s;
    }

    RaiseResult raise(TenantId tenant, String key) {
        return alerts.raise(tenant, AlertKind.QUALITY_DROP, key, "Helpful rate of version 7 dropped",
                "Version 7 is 8 points below version 6.", Map.of("Drop (points)", 8), "/w/x/rollouts");
    }

    @Test
    void theSameKindAndKeyIsCountedNotRaisedAgainWithinTheThrottleWindow() {
        RaiseResult first = raise(a.id(), "experiment:42");
        RaiseResult second = raise(a.id(), "experiment:42");
        RaiseResult third = raise(a.id(), "experiment:42");
        assertThat(first.raised()).isTrue();
        assertThat(second.throttled()).isTrue();
        assertThat(second.alertId()).isEqualTo(first.alertId());
        assertThat(third.repeats()).isEqualTo(2);
        assertThat(alerts.alert(a.id(), first.alertId()).repeats()).isEqualTo(2);

        // another key, another kind, another workspace: each raised on its own
        assertThat(raise(a.id(), "experiment:43").raised()).isTrue();
        assertThat(alerts.raise(a.id(), AlertKind.HANDOFF_SPIKE, "experiment:42", "t", "s", Map.of(), null).raised())
                .isTrue();
        assertThat(raise(b.id(), "experiment:42").raised()).isTrue();

        // once the window has passed, it is raised again
        jdbc.update("update alerts.raised set raised_at = raised_at - interval '361 minutes' where tenant_id = ?",
                a.id().value());
        assertThat(raise(a.id(), "experiment:42").raised()).isTrue();
    }

    @Test
    void aLinkOutsideThePortalIsDroppedAndLongTextIsCut() {
        UUID id = alerts.raise(a.id(), AlertKind.LATENCY_P95, "k1", "x".repeat(500), "s",
                Map.of("n", 1), "https://evil.example/phish").alertId();
        assertThat(alerts.alert(a.id(), id).link()).isNull();
        assertThat(alerts.alert(a.id(), id).title()).hasSize(Alerts.MAX_TITLE).endsWith("…");
        assertThat(Alerts.portalPath("//evil.example/x")).isNull();
        assertThat(Alerts.portalPath("/\\evil.example")).isNull();
        assertThat(Alerts.portalPath("/w/acme/usage?period=7")).isEqualTo("/w/acme/usage?period=7");
        assertThat(Alerts.portalPath("/w/acme/usage\n/x")).isNull();
    }

    @Test
    void workspacesNeverSeeOrChangeEachOthersAlerts() {
        UUID mine = raise(a.id(), "k").alertId();
        UUID theirs = raise(b.id(), "k").alertId();

        assertThat(alerts.page(a.id(), alice.user().id(), null).alerts()).extracting(Alert::id).containsExactly(mine);
        assertThat(repository.find(a.id(), theirs)).isEmpty();
        assertThat(repository.counts(a.id()).get(AlertStatus.OPEN)).isEqualTo(1);
        assertThat(repository.acknowledge(a.id(), theirs, "x", OffsetDateTime.now())).isFalse();
        assertThat(repository.resolve(a.id(), theirs, "x", OffsetDateTime.now())).isFalse();
        assertThat(repository.countRepeat(a.id(), theirs, OffsetDateTime.now())).isZero();
        assertThatThrownBy(() -> alerts.acknowledge(a, theirs)).hasMessageContaining("not found");
        assertThat(alerts.alert(b.id(), theirs).status()).isEqualTo(AlertStatus.OPEN);
        assertThat(alerts.alert(b.id(), theirs).repeats()).isZero();
        assertThat(deliveries.of(a.id(), List.of(theirs))).isEmpty();

        // settings and deliveries: B's stay B's
        settings.save(a.id(), new AlertSettings(false, 50, false, 500, false, 5, 10, 1, false, new BigDecimal("3"),
                2, false, 3, 5, 30, false, null));
        assertThat(settings.find(b.id())).isEqualTo(AlertSettings.DEFAULTS);
        AlertDelivery bDelivery = deliveries.create(b.id(), theirs, AlertDelivery.Channel.WEBHOOK,
                "https://hooks.example/b", "PENDING", null);
        assertThat(deliveries.find(a.id(), bDelivery.id())).isEmpty();
        deliveries.attempted(a.id(), bDelivery.id(), "DELIVERED", null);
        deliveries.giveUp(a.id(), bDelivery.id());
        assertThat(deliveries.find(b.id(), bDelivery.id())).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo("PENDING");
            assertThat(d.attempts()).isZero();
        });

        // the unread count is per workspace and per member
        assertThat(alerts.unread(b.id(), alice.user().id())).isEqualTo(1);
        assertThat(alerts.unread(a.id(), alice.user().id())).isZero(); // she just opened A's list
    }

    @Test
    void acknowledgingAndResolvingAreRecordedOnceAndAudited() {
        UUID id = raise(a.id(), "k").alertId();
        assertThat(alerts.acknowledge(a, id).acknowledgedBy()).isEqualTo(a.userEmail());
        assertThatThrownBy(() -> alerts.acknowledge(a, id)).isInstanceOf(UserFacingException.class)
                .hasMessage("This alert was acknowledged already by " + a.userEmail() + ".");
        assertThat(alerts.resolve(a, id).status()).isEqualTo(AlertStatus.RESOLVED);
        assertThatThrownBy(() -> alerts.resolve(a, id)).hasMessageStartingWith("This alert was resolved already");
        assertThat(jdbc.queryForList("select action from audit.entries where tenant_id = ? order by id",
                String.class, a.id().value())).contains("alerts.acknowledged", "alerts.resolved");
    }

    @Test
    void theJobRaisesCostLatencyAndFailureAlertsFromUsageWithTheirNumbersAndLinks() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update("insert into llm.settings (tenant_id, monthly_budget_usd) values (?, 0.50)", a.id().value());
        List<UsageFixture.Row> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // slow, and half of the backup's calls failed
            rows.add(new UsageFixture.Row(now.minusMinutes(1 + i), "Main", "m1", "ANSWER", "OK", 15_000 + i, 100, 50,
                    new BigDecimal("0.020000"), false, UUID.randomUUID()));
            rows.add(new UsageFixture.Row(now.minusMinutes(1 + i), "Backup", "m2", "ANSWER",
                    i % 2 == 0 ? "ERROR" : "OK", 900, 100, 0, BigDecimal.ZERO, true, UUID.randomUUID()));
        }
        new UsageFixture(jdbc).insert(a.id(), rows);
        new UsageFixture(jdbc).insert(b.id(), rows); // the same in B, which has no budget

        AlertEvaluation.Result result = evaluation.evaluate(a.id(), now, true);

        assertThat(result.raised()).containsExactlyInAnyOrder(
                "Spending reached 120 % of the monthly budget",
                "Slow answers: p95 latency 15.0 s over the last 60 minutes",
                "Backup fails 50 % of calls");
        Alert cost = alerts.page(a.id(), UUID.randomUUID(), AlertStatus.OPEN).alerts().stream()
                .filter(x -> x.kind() == AlertKind.COST_OVER_BUDGET).findFirst().orElseThrow();
        assertThat(cost.figures()).contains(new Alert.Figure("Spent this month (USD)", "0.6"),
                new Alert.Figure("Monthly budget (USD)", "0.5"), new Alert.Figure("Share of the budget (%)", "120"));
        assertThat(cost.link()).startsWith("/w/" + a.slug() + "/usage?period=custom&from=");

        // again at once: counted, not raised
        assertThat(evaluation.evaluate(a.id(), now, true).repeated()).hasSize(3);
        // B has the same calls but no budget: latency and failures only, in its own list
        assertThat(evaluation.evaluate(b.id(), now, true).raised()).hasSize(2);
        assertThat(repository.counts(a.id()).get(AlertStatus.OPEN)).isEqualTo(3);
        assertThat(repository.counts(b.id()).get(AlertStatus.OPEN)).isEqualTo(2);
        // the recurring job finds both
        assertThat(evaluation.evaluateAll(now)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theJobRaisesHandoffSpikesAndQualityDropsFromConversations() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        var fixture = new FeedbackReviewFixture(dsl);
        for (int i = 0; i < 6; i++) {
            fixture.insert(a.id(), FeedbackReviewFixture.answer().at(now.minusHours(1 + i)).handedOff().rating(null));
        }
        // an evaluation run's handoffs never count
        for (int i = 0; i < 10; i++) {
            fixture.insert(b.id(), FeedbackReviewFixture.answer().channel(Channel.EVALUATION).at(now.minusHours(2))
                    .handedOff().rating(null));
        }
        // 90 % helpful in the 28 days before the last week, 50 % in the last week
        for (int i = 0; i < 20; i++) {
            fixture.insert(a.id(), FeedbackReviewFixture.answer().at(now.minusDays(10 + i % 20))
                    .rating(i < 18 ? 1 : -1));
            fixture.insert(a.id(), FeedbackReviewFixture.answer().at(now.minusDays(1 + i % 5))
                    .rating(i % 2 == 0 ? 1 : -1));
        }

        AlertEvaluation.Result result = evaluation.evaluate(a.id(), now, true);

        assertThat(result.raised()).containsExactlyInAnyOrder(
                "Handoff spike: 6 conversations handed to the team in 24 hours",
                "Helpful rate dropped 40 points in the last 7 days");
        assertThat(evaluation.evaluate(b.id(), now, true).raised()).isEmpty();
        // the daily check does not run again within the day (unless forced)
        assertThat(evaluation.evaluate(a.id(), now.plusMinutes(5), false).repeated())
                .containsExactly("Handoff spike: 6 conversations handed to the team in 24 hours");
    }

    @Test
    void newAlertsAreDeliveredToTheWebhookAndEmailIsSkippedWithoutAMailServer() {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        settings.save(a.id(), new AlertSettings(true, 100, true, 10_000, true, 25, 60, 20, true, new BigDecimal("2"),
                5, true, 10, 20, 360, true, url));
        UUID id = alerts.raise(a.id(), AlertKind.PROVIDER_FAILURE_RATE, "provider:<!channel>",
                "<!channel> fails 50 % of calls", "Calls failed.", Map.of("Failed calls", 10), "/w/x/usage").alertId();

        await(() -> deliveries.of(a.id(), List.of(id)).stream().allMatch(d -> !d.status().equals("PENDING"))
                && deliveries.of(a.id(), List.of(id)).size() == 2);
        List<AlertDelivery> done = deliveries.of(a.id(), List.of(id));
        assertThat(done).filteredOn(d -> d.channel() == AlertDelivery.Channel.EMAIL).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("SKIPPED");
            assertThat(d.lastError()).isEqualTo(AlertJobs.MAIL_NOT_CONFIGURED);
            assertThat(d.target()).contains(alice.user().email());
        });
        assertThat(done).filteredOn(d -> d.channel() == AlertDelivery.Channel.WEBHOOK).singleElement()
                .satisfies(d -> assertThat(d.status()).isEqualTo("DELIVERED"));
        assertThat(received).singleElement().satisfies(body -> {
            assertThat(body)
                    .startsWith("{\"text\":\"*[Alerts A] &lt;!channel&gt; fails 50 % of calls*\\nCalls failed.");
            assertThat(body).contains("• Failed calls: 10").doesNotContain("<!channel>");
        });

        // a throttled repeat is not delivered again
        alerts.raise(a.id(), AlertKind.PROVIDER_FAILURE_RATE, "provider:<!channel>", "again", "s", Map.of(), null);
        assertThat(deliveries.of(a.id(), List.of(id))).hasSize(2);
    }

    @Test
    void aWebhookAddressInsideTheNetworkIsRefusedAtDeliveryBeforeAnyConnection() {
        // as if saved before, or its name now resolves inside: the guard refuses it again at every attempt
        settings.save(a.id(), new AlertSettings(true, 100, true, 10_000, true, 25, 60, 20, true, new BigDecimal("2"),
                5, true, 10, 20, 360, false, "http://127.0.0.2:" + internal.getAddress().getPort() + "/hook"));
        UUID id = raise(a.id(), "k").alertId();

        await(() -> deliveries.of(a.id(), List.of(id)).stream().anyMatch(d -> d.lastError() != null));
        AlertDelivery d = deliveries.of(a.id(), List.of(id)).getFirst();
        assertThat(d.channel()).isEqualTo(AlertDelivery.Channel.WEBHOOK);
        assertThat(d.lastError()).contains("which this portal does not call");
        assertThat(d.targetLabel()).isEqualTo("127.0.0.2");
        assertThat(internalHits).isEmpty();
    }
}
