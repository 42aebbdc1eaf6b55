package com.frontline.llm.internal;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.llm.Answer;
import com.frontline.llm.AnswerRequest;
import com.frontline.llm.AssistantGateway;
import com.frontline.llm.FakeOpenAiServer;
import com.frontline.llm.FakeProviderServer;
import com.frontline.llm.ProviderFailure;
import com.frontline.llm.Source;
import com.frontline.llm.Speaker;
import com.frontline.llm.TokenSink;
import com.frontline.llm.Turn;
import com.frontline.shared.CurrentTenant;
import com.frontline.tenants.Persona;
import com.frontline.tenants.Tone;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway against a local fake OpenAI-compatible server: routing, failover on 5xx, garbage, timeouts and a closed
 * port, mid-stream failures, the circuit breaker, the handoff tool and the budget, each checked in the usage records.
 */
@IntegrationTest
class AssistantGatewayTest {

    static FakeOpenAiServer fake;
    static FakeProviderServer nativeApis;

    @Autowired AssistantGateway gateway;
    @Autowired ProviderSettings settings;
    @Autowired UsageRepository usage;
    @Autowired TestAccounts accounts;
    @Autowired MockMvc mvc;

    CurrentTenant admin;

    static final List<Source> SOURCES = List.of(
            new Source(1, "Refunds", "Refunds are paid back to your card within five business days.", 0.9),
            new Source(2, "Shipping", "Orders ship within two working days.", 0.3));
    static final Persona PERSONA = new Persona("Acme Assistant", Tone.FRIENDLY, null, "Hi!", "Sorry.", "en");
    static final String SIMPLE = "How long do refunds take?";
    static final String COMPLEX = "Why does the webhook integration fail with an error after we migrated to the new "
            + "API, and what should we change in our setup?";

    @BeforeAll
    static void startFake() throws IOException {
        fake = new FakeOpenAiServer();
        nativeApis = new FakeProviderServer();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
        nativeApis.close();
    }

    @BeforeEach
    void workspace() throws Exception {
        TestAccounts.Account owner = accounts.signedIn(mvc, "owner");
        Workspace w = accounts.workspace(owner, "Gateway Corp");
        admin = accounts.asMember(owner, w);
    }

    ProviderConfig provider(String label, String baseUrl, String model, String cheap, String strong, int timeoutSeconds) {
        return settings.save(admin, new ProviderForm(null, ProviderKind.OPENAI_COMPATIBLE, label, baseUrl,
                "sk-test-" + label + "-abcd1234", model, cheap, strong, "", String.valueOf(timeoutSeconds), true, true));
    }

    Answer ask(String question, TokenSink sink) {
        return gateway.answer(new AnswerRequest(admin.id(), UUID.randomUUID(), PERSONA, List.of(), question, SOURCES),
                sink);
    }

    List<UsageRecord> answerRecords() {
        List<UsageRecord> all = new ArrayList<>(usage.recent(admin.id(), 100));
        java.util.Collections.reverse(all); // oldest first (ids grow)
        return all.stream().filter(r -> r.purpose() == Purpose.ANSWER && !r.provider().equals("elsewhere")).toList();
    }

    /** Collects the streamed text; a restart clears it, as the chat would clear the bubble. */
    static class Collector implements TokenSink {
        final StringBuilder text = new StringBuilder();
        final List<String> tokens = new ArrayList<>();
        int restarts;

        @Override
        public synchronized void token(String delta) {
            tokens.add(delta);
            text.append(delta);
        }

        @Override
        public synchronized void restart() {
            restarts++;
            text.setLength(0);
        }
    }

    @Test
    void streamsTokensAndRecordsTheRouteModelTokensAndCost() {
        provider("Main", fake.baseUrl("ok"), "gpt-4o", "gpt-4o-mini", "gpt-4.1", 10);
        Collector sink = new Collector();

        Answer answer = ask(SIMPLE, sink);

        assertThat(answer.text()).isEqualTo(fake.answer);
        assertThat(sink.tokens).hasSizeGreaterThan(3);
        assertThat(sink.text.toString()).isEqualTo(fake.answer);
        assertThat(answer.citedSources()).containsExactly(1);
        assertThat(answer.extractive()).isFalse();
        assertThat(answer.failedOver()).isFalse();
        assertThat(answer.provider()).isEqualTo("Main");
        assertThat(answer.model()).isEqualTo("gpt-4o-mini");
        assertThat(answer.route()).isEqualTo("simple");
        assertThat(fake.bodies().getLast().replace(" ", "")).contains("\"model\":\"gpt-4o-mini\"").contains("\"tools\"").contains("handoff_to_human")
                .contains("<sources>");

        UsageRecord r = answerRecords().getLast();
        assertThat(r.provider()).isEqualTo("Main");
        assertThat(r.model()).isEqualTo("gpt-4o-mini");
        assertThat(r.route()).isEqualTo("simple");
        assertThat(r.routingReason()).contains("cheap model");
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.tokensIn()).isEqualTo(120);
        assertThat(r.tokensOut()).isEqualTo(30);
        // gpt-4o-mini: 0.15 in, 0.60 out per million tokens
        assertThat(r.costUsd()).isEqualByComparingTo("0.000036");
        assertThat(r.failover()).isFalse();
    }

    @Test
    void aNativeAnthropicProviderAnswersAndIsRecordedWithItsKindTokensAndCost() {
        settings.save(admin, new ProviderForm(null, ProviderKind.ANTHROPIC, "Claude", nativeApis.root("ok") + "/v1",
                "sk-ant-test-abcd1234", "claude-sonnet-4-5", "claude-haiku-4-5", "claude-sonnet-4-5", "", "10",
                true, true));
        Collector sink = new Collector();

        Answer answer = ask(SIMPLE, sink);

        assertThat(answer.text()).isEqualTo(FakeProviderServer.ANSWER);
        assertThat(sink.tokens).hasSizeGreaterThan(3);
        assertThat(sink.text.toString()).isEqualTo(FakeProviderServer.ANSWER);
        assertThat(answer.extractive()).isFalse();
        assertThat(answer.provider()).isEqualTo("Claude");
        assertThat(answer.model()).isEqualTo("claude-haiku-4-5");
        FakeProviderServer.Request request = nativeApis.lastRequest();
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo("sk-ant-test-abcd1234"); // stored encrypted, sent decrypted
        assertThat(request.body()).contains("handoff_to_human").contains("<sources>");

        UsageRecord r = answerRecords().getLast();
        assertThat(r.provider()).isEqualTo("Claude");
        assertThat(r.providerKind()).isEqualTo("ANTHROPIC");
        assertThat(r.model()).isEqualTo("claude-haiku-4-5");
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.tokensIn()).isEqualTo(FakeProviderServer.TOKENS_IN);
        assertThat(r.tokensOut()).isEqualTo(FakeProviderServer.TOKENS_OUT);
        // claude-haiku-4-5: 1.00 in, 5.00 out per million tokens: 120 * 1 + 30 * 5 = 270 per million
        assertThat(r.costUsd()).isEqualByComparingTo("0.000270");
    }

    @Test
    void aNativeStreamCutShortFailsOverWhenTheProvidersTimeLimitEnds() {
        // LangChain4j's Anthropic client reports nothing when a stream ends without message_stop: the provider's
        // time limit is what ends the wait, so the customer waits at most that long, then gets the next hop
        settings.save(admin, new ProviderForm(null, ProviderKind.ANTHROPIC, "Claude", nativeApis.root("cut") + "/v1",
                "sk-ant-test-abcd1234", "claude-sonnet-4-5", "", "", "", "1", true, true));
        provider("Healthy", fake.baseUrl("ok"), "gpt-4o", "", "", 10);
        Collector sink = new Collector();

        long start = System.nanoTime();
        Answer answer = ask(SIMPLE, sink);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(answer.provider()).isEqualTo("Healthy");
        assertThat(sink.restarts).isEqualTo(1); // the two cut words are taken back
        assertThat(sink.text.toString()).isEqualTo(fake.answer);
        UsageRecord cut = answerRecords().getFirst();
        assertThat(cut.provider()).isEqualTo("Claude");
        assertThat(cut.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(millis).as("bounded by the 1 s limit, not a hang").isLessThan(10_000);
    }

    @Test
    void aComplexQuestionGoesToTheStrongestModel() {
        provider("Main", fake.baseUrl("ok"), "gpt-4o", "gpt-4o-mini", "gpt-4.1", 10);

        Answer answer = ask(COMPLEX, new Collector());

        assertThat(answer.route()).isEqualTo("complex");
        assertThat(answer.model()).isEqualTo("gpt-4.1");
        UsageRecord r = answerRecords().getLast();
        assertThat(r.route()).isEqualTo("complex");
        assertThat(r.complexity()).isGreaterThanOrEqualTo(65);
        assertThat(r.routingReason()).contains("strongest model").contains("reasoning question");
    }

    @Test
    void failsOverPast5xxAClosedPortAndGarbageToAWorkingProvider() throws IOException {
        provider("Broken", fake.baseUrl("fail"), "gpt-4o", "", "", 10);
        provider("Gone", FakeOpenAiServer.closedPortUrl(), "gpt-4o", "", "", 10);
        provider("Junk", fake.baseUrl("garbage"), "gpt-4o", "", "", 10);
        provider("Healthy", fake.baseUrl("ok"), "gpt-4o", "", "", 10);
        Collector sink = new Collector();

        Answer answer = ask(SIMPLE, sink);

        assertThat(answer.provider()).isEqualTo("Healthy");
        assertThat(answer.failedOver()).isTrue();
        assertThat(answer.text()).isEqualTo(fake.answer);
        assertThat(sink.text.toString()).isEqualTo(fake.answer);

        List<UsageRecord> records = answerRecords();
        assertThat(records).extracting(UsageRecord::provider).containsExactly("Broken", "Gone", "Junk", "Healthy");
        assertThat(records).extracting(UsageRecord::hop).containsExactly(0, 1, 2, 3);
        assertThat(records).extracting(UsageRecord::failover).containsExactly(false, true, true, true);
        assertThat(records.get(0).outcome()).isEqualTo(Outcome.ERROR);
        assertThat(records.get(0).error()).isEqualTo("The provider had a server error (HTTP 500).");
        assertThat(records.get(1).outcome()).isEqualTo(Outcome.ERROR);
        assertThat(records.get(1).error()).isEqualTo("Could not connect to 127.0.0.1: connection refused.");
        // the admin is told which providers failed before the answer, in words that quote no provider's reply
        assertThat(answer.failures()).extracting(ProviderFailure::provider).containsExactly(
                "OpenAI-compatible endpoint (Broken)", "OpenAI-compatible endpoint (Gone)",
                "OpenAI-compatible endpoint (Junk)");
        assertThat(answer.failures()).extracting(ProviderFailure::problem)
                .noneMatch(p -> p.contains("The server had an error") || p.contains("Bad gateway"));
        assertThat(records.get(2).outcome()).isIn(Outcome.ERROR, Outcome.EMPTY);
        assertThat(records.get(3).outcome()).isEqualTo(Outcome.OK);
        assertThat(records).allSatisfy(r -> assertThat(r.error() == null ? "" : r.error()).doesNotContain("abcd1234"));
    }

    @Test
    void aSlowProviderTimesOutAndTheNextAnswers() {
        provider("Slow", fake.baseUrl("slow"), "gpt-4o", "", "", 1);
        provider("Healthy", fake.baseUrl("ok"), "gpt-4o", "", "", 10);

        long start = System.nanoTime();
        Answer answer = ask(SIMPLE, new Collector());

        assertThat(answer.provider()).isEqualTo("Healthy");
        List<UsageRecord> records = answerRecords();
        assertThat(records.getFirst().outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(records.getFirst().latencyMs()).isBetween(900, 4000);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4500);
    }

    @Test
    void aProviderThatStallsMidAnswerIsAbandonedAndTheSinkRestarts() {
        provider("Stalls", fake.baseUrl("stall"), "gpt-4o", "", "", 1);
        provider("Healthy", fake.baseUrl("ok"), "gpt-4o", "", "", 10);
        Collector sink = new Collector();

        Answer answer = ask(SIMPLE, sink);

        assertThat(sink.tokens).startsWith("Partial ", "answer ");
        assertThat(sink.restarts).isEqualTo(1);
        assertThat(sink.text.toString()).isEqualTo(fake.answer).isEqualTo(answer.text());
        assertThat(answerRecords()).extracting(UsageRecord::outcome).containsExactly(Outcome.TIMEOUT, Outcome.OK);
    }

    @Test
    void aStreamThatStallsBetweenTokensFailsOverAfterTheIdleTimeoutNotTheProvidersTimeLimit() {
        // a 30 s time limit; the stream sends two tokens and then nothing for 5 s; the idle timeout here is 2 s
        provider("Stalls", fake.baseUrl("stall"), "gpt-4o", "", "", 30);
        provider("Healthy", fake.baseUrl("ok"), "gpt-4o", "", "", 10);
        Collector sink = new Collector();

        long start = System.nanoTime();
        Answer answer = ask(SIMPLE, sink);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(answer.provider()).isEqualTo("Healthy");
        assertThat(sink.restarts).isEqualTo(1);
        assertThat(sink.text.toString()).isEqualTo(fake.answer);
        UsageRecord stalled = answerRecords().getFirst();
        assertThat(stalled.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(stalled.error()).isEqualTo("The stream stalled: no token for 2 s.");
        assertThat(stalled.latencyMs()).as("failed over at the idle timeout").isBetween(1900, 4900);
        assertThat(millis).as("not the 30 s limit, nor the 5 s stall").isLessThan(5000);
    }

    @Test
    void aStreamCutShortIsAFailureNotAnAnswer() {
        provider("Cuts", fake.baseUrl("cut"), "gpt-4o", "", "", 5);
        provider("Healthy", fake.baseUrl("ok"), "gpt-4o", "", "", 10);
        Collector sink = new Collector();

        Answer answer = ask(SIMPLE, sink);

        assertThat(answer.provider()).isEqualTo("Healthy");
        assertThat(sink.restarts).isEqualTo(1);
        assertThat(sink.text.toString()).isEqualTo(fake.answer);
        assertThat(answerRecords().getFirst().outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndTheProviderIsSkipped() {
        provider("Flaky", fake.baseUrl("fail"), "gpt-4o", "", "", 10);
        provider("Healthy", fake.baseUrl("ok"), "gpt-4o", "", "", 10);
        int before = fake.hits("fail");

        for (int i = 0; i < 6; i++) {
            assertThat(ask(SIMPLE, new Collector()).provider()).isEqualTo("Healthy");
        }

        // the default breaker opens once 4 calls are in and half failed: calls 5 and 6 skip the provider
        assertThat(fake.hits("fail") - before).isEqualTo(4);
        List<UsageRecord> flaky = answerRecords().stream().filter(r -> r.provider().equals("Flaky")).toList();
        assertThat(flaky).extracting(UsageRecord::outcome).containsExactly(Outcome.ERROR, Outcome.ERROR,
                Outcome.ERROR, Outcome.ERROR, Outcome.SKIPPED, Outcome.SKIPPED);
        assertThat(settings.providers(admin.id())).filteredOn(p -> p.config().label().equals("Flaky"))
                .singleElement().satisfies(p -> assertThat(p.circuitOpen()).isTrue());
    }

    @Test
    void circuitsAreKeptPerWorkspace() throws Exception {
        provider("Flaky", fake.baseUrl("fail"), "gpt-4o", "", "", 10);
        for (int i = 0; i < 5; i++) {
            ask(SIMPLE, new Collector());
        }
        CurrentTenant first = admin;
        workspace(); // a second workspace with the same failing endpoint
        provider("Flaky", fake.baseUrl("fail"), "gpt-4o", "", "", 10);
        int before = fake.hits("fail");

        ask(SIMPLE, new Collector());

        assertThat(fake.hits("fail") - before).isEqualTo(1);
        assertThat(settings.providers(first.id()).getFirst().circuitOpen()).isTrue();
        assertThat(settings.providers(admin.id()).getFirst().circuitOpen()).isFalse();
    }

    @Test
    void whenEveryProviderFailsTheOfflineAnswererAnswers() {
        provider("Broken", fake.baseUrl("fail"), "gpt-4o", "", "", 10);
        Collector sink = new Collector();

        Answer answer = ask(SIMPLE, sink);

        assertThat(answer.extractive()).isTrue();
        assertThat(answer.provider()).isEqualTo("offline");
        assertThat(answer.route()).isEqualTo("offline");
        assertThat(answer.failedOver()).isTrue();
        assertThat(answer.text()).contains("Refunds are paid back to your card within five business days. [1]");
        // the chat streams the offline answer itself, once it has decided to show it (AnswerComposer)
        assertThat(answer.streamed()).isFalse();
        assertThat(sink.text.toString()).isEmpty();
        List<UsageRecord> records = answerRecords();
        assertThat(records).extracting(UsageRecord::provider).containsExactly("Broken", "offline");
        assertThat(records.getLast().routingReason()).contains("failed");
        assertThat(records.getLast().failover()).isTrue();
        assertThat(answer.failures()).containsExactly(new ProviderFailure("OpenAI-compatible endpoint (Broken)",
                "The provider had a server error (HTTP 500)."));
    }

    @Test
    void withoutProvidersTheOfflineAnswererIsTheDefault() {
        assertThat(gateway.offlineOnly(admin.id())).isTrue();

        Answer answer = ask(SIMPLE, new Collector());

        assertThat(answer.extractive()).isTrue();
        assertThat(answer.failedOver()).isFalse();
        assertThat(answerRecords()).singleElement().satisfies(r -> {
            assertThat(r.provider()).isEqualTo("offline");
            assertThat(r.routingReason()).contains("no AI provider");
            assertThat(r.costUsd()).isEqualByComparingTo("0");
        });

        provider("Main", fake.baseUrl("ok"), "gpt-4o", "", "", 10);
        assertThat(gateway.offlineOnly(admin.id())).isFalse();
    }

    @Test
    void theModelCanHandTheConversationToAHuman() {
        provider("Main", fake.baseUrl("handoff"), "gpt-4o", "", "", 10);

        Answer answer = ask("I want to talk to a person now", new Collector());

        assertThat(answer.handoffRequested()).isTrue();
        assertThat(answer.provider()).isEqualTo("Main");
    }

    @Test
    void aProviderWithoutToolsIsNotOfferedTheHandoffTool() {
        settings.save(admin, new ProviderForm(null, ProviderKind.OPENAI_COMPATIBLE, "NoTools", fake.baseUrl("ok"),
                "", "local-model", "", "", "", "10", false, true));

        ask(SIMPLE, new Collector());

        assertThat(fake.bodies().getLast()).contains("local-model").doesNotContain("\"tools\"");
    }

    @Test
    void overBudgetTheCheapestModelAnswersAndPastTheGraceOnlyTheOfflineAnswerer() {
        provider("Premium", fake.baseUrl("ok"), "gpt-4.1", "gpt-4.1-mini", "gpt-4.1", 10);
        provider("Budget", fake.baseUrl("ok"), "gpt-4.1-nano", "gpt-4.1-nano", "gpt-4.1-nano", 10);
        settings.saveRouting(admin, new RoutingForm(true, "30", "65", "12000", "1.00"));
        spend("1.02");

        Answer answer = ask(COMPLEX, new Collector());

        assertThat(answer.provider()).isEqualTo("Budget");
        assertThat(answer.model()).isEqualTo("gpt-4.1-nano");
        assertThat(answer.route()).isEqualTo("budget");
        assertThat(answerRecords()).singleElement().satisfies(r -> {
            assertThat(r.route()).isEqualTo("budget");
            assertThat(r.routingReason()).contains("monthly budget of $1.00 reached").contains("was complexity");
        });
        assertThat(gateway.offlineOnly(admin.id())).isFalse();

        spend("0.20"); // 1.22 > 1.00 + 10 % grace

        Answer offline = ask(COMPLEX, new Collector());

        assertThat(offline.provider()).isEqualTo("offline");
        assertThat(offline.extractive()).isTrue();
        assertThat(answerRecords().getLast().routingReason()).contains("used up");
        assertThat(gateway.offlineOnly(admin.id())).isTrue();
    }

    @Test
    void theBudgetIsCheckedAgainBeforeEveryHop() {
        // the first provider stalls mid-answer; meanwhile other conversations push the month over the budget, so
        // the next hop is the cheapest model, not the next provider in line
        provider("Stalls", fake.baseUrl("stall"), "gpt-4.1", "", "", 1);
        provider("Premium", fake.baseUrl("ok"), "gpt-4.1", "gpt-4.1", "gpt-4.1", 10);
        provider("Budget", fake.baseUrl("ok"), "gpt-4.1-nano", "", "", 10);
        settings.saveRouting(admin, new RoutingForm(true, "30", "65", "12000", "1.00"));
        spend("0.99");
        Collector sink = new Collector() {
            boolean spent;

            @Override
            public synchronized void token(String delta) {
                super.token(delta);
                if (!spent) {
                    spent = true;
                    spend("0.05");
                }
            }
        };

        Answer answer = ask(COMPLEX, sink);

        assertThat(answer.provider()).isEqualTo("Budget");
        assertThat(answer.route()).isEqualTo("budget");
        assertThat(answerRecords())
                .extracting(UsageRecord::provider, UsageRecord::route)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Stalls", "complex"),
                        org.assertj.core.groups.Tuple.tuple("Budget", "budget"));
    }

    @Test
    void aFollowUpIsRewrittenByTheModelWhenThereIsOne() {
        List<Turn> history = List.of(new Turn(Speaker.CUSTOMER, "How much is a day ski pass?"),
                new Turn(Speaker.ASSISTANT, "59 EUR [1]."));
        assertThat(gateway.standaloneQuestion(admin.id(), history, "and for kids?"))
                .startsWith("and for kids?").contains("ski pass");

        provider("Main", fake.baseUrl("ok"), "gpt-4o", "", "", 10);
        fake.answer = "How much is a day ski pass for kids?";
        try {
            assertThat(gateway.standaloneQuestion(admin.id(), history, "and for kids?"))
                    .isEqualTo("How much is a day ski pass for kids?");
            assertThat(gateway.standaloneQuestion(admin.id(), history, "Do you rent snowboards at the valley station?"))
                    .isEqualTo("Do you rent snowboards at the valley station?");
        } finally {
            fake.answer = "Refunds take five business days [1].";
        }
        assertThat(usage.recent(admin.id(), 10)).extracting(UsageRecord::purpose).containsExactly(Purpose.REWRITE);
    }

    @Test
    void testConnectionReportsSuccessAndFailureAndIsRecorded() {
        ProviderConfig ok = provider("Main", fake.baseUrl("ok"), "gpt-4o", "", "", 10);
        ProviderConfig broken = provider("Broken", fake.baseUrl("fail"), "gpt-4o", "", "", 10);

        assertThat(settings.test(admin, ok.id()).ok()).isTrue();
        ConnectionTest failed = settings.test(admin, broken.id());
        assertThat(failed.ok()).isFalse();
        assertThat(failed.message()).isEqualTo("The provider had a server error (HTTP 500).")
                .doesNotContain("abcd1234");
        assertThat(usage.recent(admin.id(), 10)).extracting(UsageRecord::purpose)
                .containsExactly(Purpose.TEST, Purpose.TEST);
    }

    private void spend(String usd) {
        usage.insert(admin.id(), new UsageRecord(null, null, null, "elsewhere", "OPENAI", "gpt-4.1", Purpose.ANSWER,
                "default", "earlier traffic", 0, 0, 0, 0, new BigDecimal(usd), 0, Outcome.OK, false, null));
    }
}
