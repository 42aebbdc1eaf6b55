package com.frontline.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Frontline under load, against a running instance (issue #14). Four populations run at once, each configured by
 * system properties (defaults in brackets):
 * <ul>
 *   <li><b>Widget visitors</b> ({@code load.visitors} [20]): open a widget session, then ask a demo question, think
 *       {@code load.thinkMin}–{@code load.thinkMax} s [2–6], ask again. A <i>chat turn</i> (a group in the report) is
 *       the question's POST plus the event stream opened after it ({@code after=} the question's seq) until the
 *       assistant's answer arrives on it, so it measures what a visitor waits for. A refused turn (429), a system
 *       message instead of an answer ("We are very busy") or no answer within 15 s is an error.</li>
 *   <li><b>Agents</b> ({@code load.agents} [2]): sign in, open the inbox, and poll it every 5 s as the page does
 *       (htmx), sometimes opening a conversation.</li>
 *   <li><b>Admins</b> ({@code load.admins} [2]): sign in and browse the dashboards and review pages, one page every
 *       {@code load.adminPause} s [1] (0: as fast as the app answers).</li>
 *   <li><b>Uploads</b> ({@code load.uploadEvery} s [30], 0: none): one admin uploads a small Markdown file to the
 *       knowledge base, which the app parses, embeds and indexes in the background meanwhile.</li>
 * </ul>
 * Every virtual user connects from a local address of its own in 127.0.0.0/8 (all loopback on Linux), so the app sees
 * genuinely distinct client addresses without trusting any header; {@code load.visitorsPerAddress} [1] puts that many
 * visitors behind each address instead (an office or a carrier's NAT). The app must listen on all loopback addresses
 * (the default {@code server.address} does).
 * <p>
 * Where: {@code load.baseUrl} [http://127.0.0.1:8080], {@code load.slug} [acme], {@code load.email}
 * [admin@acme.test], {@code load.password} [frontline-demo] (the demo seed's admin), {@code load.widgetKey} (read
 * from the widget settings page when not given). How long: {@code load.duration} s [120] after a ramp of
 * {@code load.ramp} s [10].
 */
public class FrontlineSimulation extends Simulation {

    static String prop(String name, String fallback) {
        String value = System.getProperty("load." + name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static int intProp(String name, int fallback) {
        return Integer.parseInt(prop(name, String.valueOf(fallback)));
    }

    static final String BASE = prop("baseUrl", "http://127.0.0.1:8080").replaceAll("/+$", "");
    static final String SLUG = prop("slug", "acme");
    static final String EMAIL = prop("email", "admin@acme.test");
    static final String PASSWORD = prop("password", "frontline-demo");
    static final int VISITORS = intProp("visitors", 20);
    static final int PER_ADDRESS = Math.max(1, intProp("visitorsPerAddress", 1));
    static final int THINK_MIN = intProp("thinkMin", 2);
    static final int THINK_MAX = intProp("thinkMax", 6);
    static final int AGENTS = intProp("agents", 2);
    static final int ADMINS = intProp("admins", 2);
    static final double ADMIN_PAUSE = Double.parseDouble(prop("adminPause", "1"));
    static final int UPLOAD_EVERY = intProp("uploadEvery", 30);
    static final int DURATION = intProp("duration", 120);
    static final int RAMP = Math.max(1, intProp("ramp", 10));

    /** Questions the demo knowledge answers, and some it does not (the fallback path). */
    static final List<String> QUESTIONS = List.of(
            "How do I return an item?",
            "How long does shipping take?",
            "Can I get a refund if my blender arrived broken?",
            "Do you ship to Canada?",
            "How do I reset my password?",
            "Which payment methods do you accept?",
            "Is there a warranty on the espresso machine?",
            "When will I be charged for my order?",
            "Can I change my delivery address after ordering?",
            "Do you have a store in Berlin?",
            "what does express delivery cost",
            "how long do refunds take to arrive");

    static final List<String> ADMIN_PAGES = List.of(
            "", "/analytics", "/feedback", "/usage", "/gaps", "/corrections", "/knowledge", "/evaluation",
            "/versions", "/rollouts", "/audit", "/accounts", "/inbox");

    static final AtomicLong UPLOADS = new AtomicLong();

    /** Local source addresses: 127.(1+i/250).(1+i%250).1-less, never 127.0.0.1 itself. */
    static List<String> addresses(int count, int thirdOctetBase) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add("127." + (thirdOctetBase + i / 250) + "." + (i % 250 + 2) + ".1");
        }
        return out;
    }

    HttpProtocolBuilder protocol(List<String> localAddresses) {
        return http.baseUrl(BASE)
                .localAddresses(localAddresses)
                .acceptHeader("text/html,application/json;q=0.9,*/*;q=0.8")
                .acceptEncodingHeader("gzip")
                .userAgentHeader("Frontline load test (Gatling)")
                .disableWarmUp()
                .disableCaching();
    }

    // ---- visitors ------------------------------------------------------------------------------------------------

    ChainBuilder chatTurn = exec(session -> session.set("question",
                    QUESTIONS.get(ThreadLocalRandom.current().nextInt(QUESTIONS.size()))))
            .group("chat turn").on(
                    group("to first words").on(
                            exec(http("widget ask").post("/widget/api/messages")
                                    .header("X-Widget-Token", "#{token}")
                                    .formParam("message", "#{question}")
                                    .check(status().is(200), jsonPath("$.seq").saveAs("seq")))
                            // the stream from just after the question: its first answer event is the first words the
                            // visitor sees (or the whole stored answer, when it was done before the stream opened)
                            .exec(sse("widget answer").get("/widget/api/events?token=#{tokenParam}&after=#{seq}")
                                    .await(Duration.ofSeconds(15)).on(
                                            sse.checkMessage("answer first words")
                                                    .matching(regex("\"event\":\"(answer-start|message)\""))
                                                    .check(regex("\"event\":\"([a-z-]+)\"").saveAs("first"),
                                                            regex("SYSTEM").notExists()))))
                    .doIf(session -> "answer-start".equals(session.getString("first"))).then(
                            exec(sse("widget answer").setCheck().await(Duration.ofSeconds(15)).on(
                                    sse.checkMessage("answer complete")
                                            .matching(regex("\"event\":\"message\""))
                                            .check(substring("ASSISTANT"))))))
            .exec(sse("widget answer").close());

    ScenarioBuilder visitors = scenario("widget visitors")
            .exec(session -> session.set("visitor", "load" + UUID.randomUUID().toString().replace("-", "")))
            .exec(http("widget session").post("/widget/api/session")
                    .formParam("key", widgetKey())
                    .formParam("visitor", "#{visitor}")
                    .check(status().is(200), jsonPath("$.token").saveAs("token")))
            .exitHereIfFailed() // a visitor without a session asks nothing (one error, not one per turn)
            .exec(session -> session.set("tokenParam",
                    URLEncoder.encode(session.getString("token"), StandardCharsets.UTF_8)))
            .during(Duration.ofSeconds(DURATION)).on(
                    pause(Duration.ofSeconds(THINK_MIN), Duration.ofSeconds(THINK_MAX)).exec(chatTurn));

    // ---- portal users ----------------------------------------------------------------------------------------

    static ChainBuilder signIn() {
        return exec(http("sign-in page").get("/login")
                .check(css("input[name=_csrf]", "value").saveAs("csrf")))
                .exec(http("sign in").post("/login")
                        .formParam("username", EMAIL)
                        .formParam("password", PASSWORD)
                        .formParam("_csrf", "#{csrf}")
                        .check(status().is(200)))
                .exec(http("dashboard").get("/w/" + SLUG)
                        .check(status().is(200), substring("data-testid=\"sign-out\""),
                                css("meta[name=csrf-token]", "content").saveAs("csrf")))
                .exitHereIfFailed();
    }

    ScenarioBuilder agents = scenario("agents")
            .exec(signIn())
            .exec(http("inbox page").get("/w/" + SLUG + "/inbox")
                    .check(status().is(200), regex("/w/" + SLUG + "/inbox/([0-9a-f-]{36})")
                            .findRandom().optional().saveAs("conversation")))
            .during(Duration.ofSeconds(DURATION)).on(
                    pause(Duration.ofSeconds(5))
                            .exec(http("inbox poll").get("/w/" + SLUG + "/inbox")
                                    .header("HX-Request", "true")
                                    .check(status().is(200)))
                            .doIf(session -> session.contains("conversation")
                                    && ThreadLocalRandom.current().nextInt(4) == 0).then(
                                    exec(http("inbox conversation").get("/w/" + SLUG + "/inbox/#{conversation}")
                                            .check(status().is(200)))));

    ScenarioBuilder admins = scenario("admins")
            .exec(signIn())
            .during(Duration.ofSeconds(DURATION)).on(
                    exec(session -> session.set("page",
                            ADMIN_PAGES.get(ThreadLocalRandom.current().nextInt(ADMIN_PAGES.size()))))
                            .exec(http("page view").get("/w/" + SLUG + "#{page}")
                                    .check(status().is(200)))
                            .pause(Duration.ofMillis((long) (ADMIN_PAUSE * 1000))));

    ScenarioBuilder uploads = scenario("uploads")
            .exec(signIn())
            .during(Duration.ofSeconds(DURATION)).on(
                    pause(Duration.ofSeconds(Math.max(1, UPLOAD_EVERY)))
                            .exec(session -> session.set("upload", UPLOADS.incrementAndGet()))
                            .exec(http("knowledge upload").post("/w/" + SLUG + "/knowledge/upload")
                                    .header("X-CSRF-TOKEN", "#{csrf}")
                                    .formParam("_csrf", "#{csrf}")
                                    .bodyPart(StringBodyPart("files", UPLOAD_TEXT)
                                            .fileName("load-test-note-#{upload}.md")
                                            .contentType("text/markdown"))
                                    .asMultipartForm()
                                    .check(status().is(200))));

    static final String UPLOAD_TEXT = """
            # Load test note #{upload}

            Gift wrapping is available on every order for a small fee. Choose it at checkout; the wrapped parcel
            ships with the rest of the order and includes a card with your message. Note #{upload} was uploaded by
            the load test to keep ingestion busy in the background while visitors chat.
            """;

    // ---- the run ------------------------------------------------------------------------------------------------

    private static volatile String key;

    /** The demo workspace's widget key: as given, or read from its widget settings page. */
    static synchronized String widgetKey() {
        if (key == null) {
            key = prop("widgetKey", "");
            if (key.isEmpty()) {
                key = discoverWidgetKey();
            }
        }
        return key;
    }

    static String discoverWidgetKey() {
        try {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
            String login = client.send(HttpRequest.newBuilder(URI.create(BASE + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String csrf = find(login, "name=\"_csrf\" value=\"([^\"]+)\"");
            String form = "username=" + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            client.send(HttpRequest.newBuilder(URI.create(BASE + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            String settings = client.send(HttpRequest.newBuilder(URI.create(BASE + "/w/" + SLUG + "/settings/widget"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return find(settings, "data-testid=\"widget-key\">([^<]+)<");
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the widget key from " + BASE + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String find(String html, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("Not found on the page (signed in as " + EMAIL + "?): " + pattern);
        }
        return m.group(1);
    }

    {
        int visitorAddresses = Math.max(1, (VISITORS + PER_ADDRESS - 1) / PER_ADDRESS);
        List<PopulationBuilder> populations = new ArrayList<>();
        if (VISITORS > 0) {
            populations.add(visitors.injectOpen(rampUsers(VISITORS).during(Duration.ofSeconds(RAMP)))
                    .protocols(protocol(addresses(visitorAddresses, 1))));
        }
        if (AGENTS > 0) {
            populations.add(agents.injectOpen(rampUsers(AGENTS).during(Duration.ofSeconds(RAMP)))
                    .protocols(protocol(addresses(AGENTS, 200))));
        }
        if (ADMINS > 0) {
            populations.add(admins.injectOpen(rampUsers(ADMINS).during(Duration.ofSeconds(RAMP)))
                    .protocols(protocol(addresses(ADMINS, 220))));
        }
        if (UPLOAD_EVERY > 0) {
            populations.add(uploads.injectOpen(atOnceUsers(1)).protocols(protocol(addresses(1, 240))));
        }
        setUp(populations);
    }
}
