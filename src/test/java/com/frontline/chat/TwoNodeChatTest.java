package com.frontline.chat;

import com.frontline.FrontlineApplication;
import com.frontline.TestAccounts;
import com.frontline.identity.SignUpCmd;
import com.frontline.identity.UserAccount;
import com.frontline.identity.UserService;
import com.frontline.platform.DataDirectories;
import com.frontline.platform.elasticsearch.ElasticsearchConnection;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.event.SchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app nodes on one PostgreSQL and one Elasticsearch, as behind a load balancer without sticky sessions: a
 * visitor's conversation continues on either node, what happens on one node reaches the event streams open on the
 * other (PostgreSQL LISTEN/NOTIFY), each event exactly once per stream, and a recurring job runs once per tick for
 * the whole cluster.
 */
@Tag("slow") // starts apps of its own: left out of the fast set (-DexcludedGroups=slow)
class TwoNodeChatTest {

    private static final String TOKEN_SECRET = "two-node-test-secret-0123456789abcdef";
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    /** Every completed run of the rollout guard, on either node: (node, the tick it ran for). */
    static final Queue RUNS = new Queue();

    static final class Queue extends ConcurrentLinkedQueue<Run> {
    }

    record Run(String node, Instant tick) {
    }

    private static Path dataA;
    private static Path dataB;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoNodes() throws IOException {
        dataA = Files.createTempDirectory("frontline-chat-node-a-");
        dataB = Files.createTempDirectory("frontline-chat-node-b-");
        a = start("a", dataA);
        HikariDataSource dataSource = a.getBean(HikariDataSource.class);
        ElasticsearchConnection elasticsearch = a.getBean(ElasticsearchConnection.class);
        elasticsearch.awaitReady(); // node B uses it as an external cluster
        b = start("b", dataB,
                "--spring.datasource.url=" + dataSource.getJdbcUrl(),
                "--spring.datasource.username=" + dataSource.getUsername(),
                "--spring.datasource.password=" + dataSource.getPassword(),
                "--frontline.elasticsearch.url=" + elasticsearch.url());
    }

    @AfterAll
    static void stopTwoNodes() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        DataDirectories.deleteQuietly(dataA);
        DataDirectories.deleteQuietly(dataB);
    }

    @Test
    void aConversationContinuesAcrossNodesAndAnAgentsReplyOnBReachesTheVisitorsStreamOnA() throws Exception {
        Owner owner = owner("Two Node Shop");
        String key = a.getBean(TenantService.class).widget(owner.tenant().id()).publicKey();
        String visitor = "visitor-" + UUID.randomUUID().toString().replace("-", "");

        // the visitor opens the chat on node A and streams from node A
        String session = post(a, "/widget/api/session?key=" + key + "&visitor=" + visitor, null, null).body();
        String token = field(session, "token");
        UUID conversation = UUID.fromString(field(session, "conversationId"));
        Stream onA = Stream.open(a, token);
        Stream onB = Stream.open(b, token);
        await(() -> onA.has("status", "BOT") && onB.has("status", "BOT"));

        // the next request lands on node B: same token, same conversation
        HttpResponse<String> asked = post(b, "/widget/api/messages", token, "message=I want to talk to a person");
        assertThat(asked.statusCode()).isEqualTo(200);
        await(() -> onA.has("message", "I want to talk to a person") && onA.has("status", "WAITING"));

        // an agent on node B takes over and replies; the visitor's stream on node A shows it
        ChatMessage reply = b.getBean(ChatService.class).agentReply(owner.tenant(), conversation, "Hello from node B");
        await(() -> onA.has("message", "Hello from node B") && onA.has("status", "AGENT"));
        assertThat(onA.data("status")).anyMatch(d -> d.contains("\"agent\":\"Nia\""));

        // the visitor answers through node A; the stream on node B shows it
        assertThat(post(a, "/widget/api/messages", token, "message=Thanks, node A here").statusCode())
                .isEqualTo(200);
        await(() -> onB.has("message", "Thanks, node A here") && onA.has("message", "Thanks, node A here"));

        // one conversation, every message stored once, in order, whichever node took it
        List<ChatMessage> stored = a.getBean(ChatService.class).messages(owner.tenant().id(), conversation, 0);
        assertThat(stored).extracting(ChatMessage::text).containsSubsequence("I want to talk to a person",
                "Hello from node B", "Thanks, node A here");
        // each message reached each stream once: the node that produced an event skips its own notification
        for (Stream stream : List.of(onA, onB)) {
            Map<String, Long> timesSeen = stream.data("message").stream().map(TwoNodeChatTest::id)
                    .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
            assertThat(timesSeen).as("messages seen by the stream on node %s", stream.node)
                    .containsOnlyKeys(stored.stream().map(m -> m.id().toString()).toList())
                    .allSatisfy((id, times) -> assertThat(times).isEqualTo(1L));
        }
        assertThat(reply.id().toString()).isIn(onA.data("message").stream().map(TwoNodeChatTest::id).toList());
        onA.close();
        onB.close();
    }

    @Test
    void aNotificationNamingAnotherWorkspaceReachesNoStreamOfThisOne() throws Exception {
        Owner first = owner("First Shop");
        Owner second = owner("Second Shop");
        String key = a.getBean(TenantService.class).widget(first.tenant().id()).publicKey();
        String session = post(a, "/widget/api/session?key=" + key + "&visitor=visitor-"
                + UUID.randomUUID().toString().replace("-", ""), null, null).body();
        String token = field(session, "token");
        UUID conversation = UUID.fromString(field(session, "conversationId"));
        Stream onA = Stream.open(a, token);
        await(() -> onA.has("status", "BOT"));
        post(b, "/widget/api/messages", token, "message=I want to talk to a person");
        await(() -> onA.has("message", "I want to talk to a person") && onA.has("status", "WAITING")
                && onA.has("message", "asked our team"));
        long seq = a.getBean(ChatService.class).messages(first.tenant().id(), conversation, 0).getFirst().seq();
        ChatNotificationListener listener = a.getBean(ChatNotificationListener.class);
        int before = onA.events.size();

        // the second workspace's id with the first one's conversation and message: read in the second workspace,
        // where there is no such conversation and nobody listens
        listener.handle("othernode|" + second.tenant().id().value() + "|" + conversation + "|M|" + seq);
        listener.handle("othernode|" + second.tenant().id().value() + "|" + conversation + "|S|AGENT");
        // the same kind of notification naming the right workspace does reach the stream
        listener.handle("othernode|" + first.tenant().id().value() + "|" + conversation + "|S|RESOLVED");
        await(() -> onA.has("status", "RESOLVED"));

        assertThat(onA.events.subList(before, onA.events.size())).extracting(Event::name).containsExactly("status");
        assertThat(onA.data("status")).noneMatch(d -> d.contains("AGENT"));
        onA.close();
    }

    @Test
    void aDroppedListeningConnectionReconnectsAndCatchesUpOnWhatItMissed() throws Exception {
        Owner owner = owner("Flaky Network Shop");
        String key = a.getBean(TenantService.class).widget(owner.tenant().id()).publicKey();
        String session = post(a, "/widget/api/session?key=" + key + "&visitor=visitor-"
                + UUID.randomUUID().toString().replace("-", ""), null, null).body();
        String token = field(session, "token");
        UUID conversation = UUID.fromString(field(session, "conversationId"));
        Stream onA = Stream.open(a, token);
        await(() -> onA.has("status", "BOT"));
        ChatNotificationListener listener = a.getBean(ChatNotificationListener.class);
        long connects = listener.connects();

        listener.dropConnection();
        // sent while node A is not listening (it waits half a second before reconnecting)
        b.getBean(ChatService.class).agentReply(owner.tenant(), conversation, "Sent while A was away");

        await(() -> listener.connects() > connects);
        await(() -> onA.has("message", "Sent while A was away"));
        onA.close();
    }

    @Test
    void theRolloutGuardRunsOncePerTickForTheWholeCluster() {
        Instant from = Instant.now();
        await(() -> RUNS.stream().filter(r -> r.tick().isAfter(from)).count() >= 5);

        List<Run> runs = new ArrayList<>(RUNS);
        Map<Instant, List<String>> nodesPerTick = runs.stream().collect(Collectors.groupingBy(Run::tick,
                Collectors.mapping(Run::node, Collectors.toList())));
        assertThat(nodesPerTick).as("the nodes that ran each tick of the guard")
                .allSatisfy((tick, nodes) -> assertThat(nodes).hasSize(1));
        // both schedulers are alive and polling: the other node's scheduler is not simply absent
        assertThat(a.getBean(com.github.kagkarlsson.scheduler.Scheduler.class).getSchedulerState().isStarted())
                .isTrue();
        assertThat(b.getBean(com.github.kagkarlsson.scheduler.Scheduler.class).getSchedulerState().isStarted())
                .isTrue();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    record Owner(UserAccount user, CurrentTenant tenant) {
    }

    private static Owner owner(String workspace) {
        UserAccount user = a.getBean(UserService.class).signUp(new SignUpCmd(TestAccounts.unique("nodes")
                + "@example.com", "Nia", TestAccounts.PASSWORD));
        TenantService tenants = a.getBean(TenantService.class);
        Workspace w = tenants.createWorkspace(new Actor(user.id(), user.email()), workspace,
                TestAccounts.unique("nodes"), "Other");
        return new Owner(user, tenants.resolve(user.id(), user.email(), w.slug()).orElseThrow());
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext node, String path, String token,
                                             String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(node, path))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (token != null) {
            request.header("X-Widget-Token", token);
        }
        String body = form == null ? "" : form.substring(0, form.indexOf('=') + 1)
                + URLEncoder.encode(form.substring(form.indexOf('=') + 1), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(200);
        return response;
    }

    private static URI url(ConfigurableApplicationContext node, String path) {
        return URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }

    private static String id(String data) {
        Matcher m = ID.matcher(data);
        assertThat(m.find()).as("an id in %s", data).isTrue();
        return m.group(1);
    }

    record Event(String name, String data) {
    }

    /** A visitor's event stream read with a plain HTTP client, as a browser's EventSource would. */
    static final class Stream implements AutoCloseable {

        final String node;
        final List<Event> events = new CopyOnWriteArrayList<>();
        private final Thread reader;
        private volatile java.util.stream.Stream<String> lines;

        private Stream(String node, Thread reader) {
            this.node = node;
            this.reader = reader;
        }

        static Stream open(ConfigurableApplicationContext on, String token) {
            String node = on == a ? "A" : "B";
            HttpRequest request = HttpRequest.newBuilder(url(on, "/widget/api/events"))
                    .header("X-Widget-Token", token).header("Accept", "text/event-stream").build();
            Stream[] self = new Stream[1];
            Thread reader = Thread.ofVirtual().unstarted(() -> {
                try {
                    HttpResponse<java.util.stream.Stream<String>> response = http.send(request,
                            HttpResponse.BodyHandlers.ofLines());
                    self[0].lines = response.body();
                    String[] name = {null};
                    response.body().forEach(line -> {
                        if (line.startsWith("event:")) {
                            name[0] = line.substring(6).strip();
                        } else if (line.startsWith("data:") && name[0] != null) {
                            self[0].events.add(new Event(name[0], line.substring(5)));
                            name[0] = null;
                        }
                    });
                } catch (IOException | InterruptedException | RuntimeException e) {
                    // closed by the test
                }
            });
            self[0] = new Stream(node, reader);
            reader.start();
            return self[0];
        }

        boolean has(String name, String text) {
            return events.stream().anyMatch(e -> e.name().equals(name) && e.data().contains(text));
        }

        List<String> data(String name) {
            return events.stream().filter(e -> e.name().equals(name)).map(Event::data).toList();
        }

        @Override
        public void close() {
            java.util.stream.Stream<String> l = lines;
            if (l != null) {
                l.close();
            }
            reader.interrupt();
        }
    }

    /** Records the rollout guard's runs on each node (a plain class given as a source: never component-scanned). */
    static class GuardRuns {

        @Bean
        SchedulerListener guardRuns(Environment environment) {
            String node = environment.getProperty("test.node", "?");
            return new AbstractSchedulerListener() {
                @Override
                public void onExecutionComplete(ExecutionComplete done) {
                    if ("rollouts-guard".equals(done.getExecution().getTaskName())) {
                        RUNS.add(new Run(node, done.getExecution().executionTime));
                    }
                }
            };
        }
    }

    private static ConfigurableApplicationContext start(String node, Path data, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--frontline.embedded.data-dir=" + data,
                "--frontline.demo.seed=false", "--test.node=" + node,
                "--frontline.elasticsearch.startup-timeout=400s",
                // both nodes verify the other's widget tokens
                "--frontline.widget.token-secret=" + TOKEN_SECRET,
                // the guard looks every second, and both schedulers poll often: each tick is a race between them
                "--frontline.rollouts.guard-every=1s", "--db-scheduler.polling-interval=200ms",
                // the other recurring jobs stay out of the way
                "--frontline.chat.signals.every=7d", "--frontline.llm.usage.summary-every=7d",
                "--frontline.alerts.evaluate-every=7d", "--frontline.privacy.retention-every=7d",
                "--frontline.privacy.retry-every=7d"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(FrontlineApplication.class, GuardRuns.class).run(args.toArray(String[]::new));
    }
}
