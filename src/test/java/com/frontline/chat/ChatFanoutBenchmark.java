package com.frontline.chat;

import com.frontline.FrontlineApplication;
import com.frontline.identity.SignUpCmd;
import com.frontline.identity.UserAccount;
import com.frontline.identity.UserService;
import com.frontline.platform.DataDirectories;
import com.frontline.platform.elasticsearch.ElasticsearchConnection;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Benchmark, not a test: how long an agent's reply on node B takes to reach a listener of the conversation on node A
 * (through PostgreSQL NOTIFY and a read on A), against a listener on node B itself (delivered in the call). Two app
 * contexts in this JVM share one PostgreSQL and one Elasticsearch. The listeners are the hub's, without HTTP, so the
 * figure is the fan-out's own. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.chat.ChatFanoutBenchmark -Dbenchmark.conversations=20 -Dbenchmark.replies=10}.
 */
public final class ChatFanoutBenchmark {

    public static void main(String[] args) throws Exception {
        int conversations = Integer.getInteger("benchmark.conversations", 20);
        int replies = Integer.getInteger("benchmark.replies", 10);
        Path dataA = Files.createTempDirectory("frontline-bench-a-");
        Path dataB = Files.createTempDirectory("frontline-bench-b-");
        String[] common = {"--server.port=0", "--frontline.demo.seed=false", "--logging.level.root=WARN",
                "--frontline.elasticsearch.startup-timeout=400s"};
        try (ConfigurableApplicationContext a = new SpringApplicationBuilder(FrontlineApplication.class)
                .run(concat(common, "--frontline.embedded.data-dir=" + dataA))) {
            HikariDataSource ds = a.getBean(HikariDataSource.class);
            ElasticsearchConnection es = a.getBean(ElasticsearchConnection.class);
            es.awaitReady();
            try (ConfigurableApplicationContext b = new SpringApplicationBuilder(FrontlineApplication.class)
                    .run(concat(common, "--frontline.embedded.data-dir=" + dataB,
                            "--spring.datasource.url=" + ds.getJdbcUrl(),
                            "--spring.datasource.username=" + ds.getUsername(),
                            "--spring.datasource.password=" + ds.getPassword(),
                            "--frontline.elasticsearch.url=" + es.url()))) {
                UserAccount owner = a.getBean(UserService.class).signUp(
                        new SignUpCmd("fanout@example.com", "Agent", "a quiet machine measurement"));
                TenantService tenants = a.getBean(TenantService.class);
                Workspace w = tenants.createWorkspace(new Actor(owner.id(), owner.email()), "Fanout Co", "fanout",
                        "Other");
                CurrentTenant tenant = tenants.resolve(owner.id(), owner.email(), w.slug()).orElseThrow();
                ChatService chatA = a.getBean(ChatService.class);
                ChatService chatB = b.getBean(ChatService.class);

                Map<String, Long> arrivedA = new ConcurrentHashMap<>();
                Map<String, Long> arrivedB = new ConcurrentHashMap<>();
                List<UUID> ids = new ArrayList<>();
                for (int i = 0; i < conversations; i++) {
                    UUID id = chatA.start(tenant.id(), Channel.WIDGET, "visitor:bench-" + i).id();
                    ids.add(id);
                    chatA.subscribe(tenant.id(), id, e -> record(e, arrivedA));
                    chatB.subscribe(tenant.id(), id, e -> record(e, arrivedB));
                }
                // warm-up: the first reply of each conversation also takes it over (status, system message)
                for (UUID id : ids) {
                    chatB.agentReply(tenant, id, "warm-up " + id);
                }
                Thread.sleep(2000);

                List<Double> remote = new ArrayList<>();
                List<Double> local = new ArrayList<>();
                List<Double> call = new ArrayList<>();
                for (int r = 0; r < replies; r++) {
                    for (UUID id : ids) {
                        String text = "reply " + r + " in " + id;
                        long start = System.nanoTime();
                        chatB.agentReply(tenant, id, text);
                        long returned = System.nanoTime();
                        long deadline = System.nanoTime() + 10_000_000_000L;
                        while (!arrivedA.containsKey(text) && System.nanoTime() < deadline) {
                            java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                        }
                        Long onA = arrivedA.get(text);
                        Long onB = arrivedB.get(text);
                        if (onA == null || onB == null) {
                            throw new IllegalStateException("Not delivered: " + text);
                        }
                        remote.add((onA - start) / 1e6);
                        local.add((onB - start) / 1e6);
                        call.add((returned - start) / 1e6);
                    }
                }
                System.out.printf("fan-out: %d conversations x %d replies = %d agent replies on node B%n",
                        conversations, replies, remote.size());
                System.out.printf("listener on node B (same node)  p50 %.1f ms  p95 %.1f ms  max %.1f ms%n",
                        pct(local, 50), pct(local, 95), pct(local, 100));
                System.out.printf("listener on node A (other node) p50 %.1f ms  p95 %.1f ms  max %.1f ms%n",
                        pct(remote, 50), pct(remote, 95), pct(remote, 100));
                System.out.printf("agentReply call on node B       p50 %.1f ms  p95 %.1f ms%n",
                        pct(call, 50), pct(call, 95));
            }
        } finally {
            DataDirectories.deleteQuietly(dataA);
            DataDirectories.deleteQuietly(dataB);
        }
        System.exit(0);
    }

    private static void record(ChatEvent e, Map<String, Long> arrived) {
        if (e instanceof ChatEvent.MessageAdded m) {
            arrived.putIfAbsent(m.message().text(), System.nanoTime());
        }
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
