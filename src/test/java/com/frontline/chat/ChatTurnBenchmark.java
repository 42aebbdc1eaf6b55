package com.frontline.chat;

import com.frontline.FrontlineApplication;
import com.frontline.identity.SignUpCmd;
import com.frontline.identity.UserAccount;
import com.frontline.identity.UserService;
import com.frontline.knowledge.KnowledgeService;
import com.frontline.knowledge.KnowledgeStatus;
import com.frontline.platform.DataDirectories;
import com.frontline.search.Visibility;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark, not a test: chat turns with the offline answerer on the real app (PostgreSQL, Elasticsearch, MiniLM),
 * {@code visitors} concurrent widget visitors each asking {@code turns} questions one after the other. A turn is timed
 * from the customer's message to the stored, published answer (what the visitor's stream receives), and to the first
 * streamed words. The offline answer is streamed with no pause between word groups unless
 * {@code -Dbenchmark.pace=25ms} (the app's default) asks for one, which adds to the time to the stored answer. With
 * {@code -Dbenchmark.thinkMs=N} each visitor pauses about N ms (0.5–1.5 N) before the next question, as people do;
 * without it every visitor asks again at once, which measures saturation. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.chat.ChatTurnBenchmark -Dbenchmark.visitors=20 -Dbenchmark.turns=15}.
 */
public final class ChatTurnBenchmark {

    static final String[] TOPICS = {"returns", "shipping", "warranty", "invoices", "passwords", "subscriptions",
            "gift cards", "store hours", "repairs", "discounts"};

    public static void main(String[] args) throws Exception {
        int visitors = Integer.getInteger("benchmark.visitors", 20);
        int turns = Integer.getInteger("benchmark.turns", 15);
        int documents = Integer.getInteger("benchmark.documents", 200);
        int thinkMillis = Integer.getInteger("benchmark.thinkMs", 0);
        // the pause between streamed word groups adds to the time to the stored answer: 0 unless asked for
        String pace = System.getProperty("benchmark.pace", "0ms");
        Path data = Files.createTempDirectory("frontline-bench-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FrontlineApplication.class).run(
                "--server.port=0", "--frontline.embedded.data-dir=" + data, "--frontline.demo.seed=false",
                "--logging.level.root=WARN", "--db-scheduler.polling-interval=500ms",
                "--frontline.chat.offline-stream-pace=" + pace)) {
            UserAccount owner = app.getBean(UserService.class).signUp(
                    new SignUpCmd("perf@example.com", "Perf", "a quiet machine measurement"));
            TenantService tenants = app.getBean(TenantService.class);
            Workspace w = tenants.createWorkspace(new Actor(owner.id(), owner.email()), "Bench Co", "bench", "Other");
            CurrentTenant tenant = tenants.resolve(owner.id(), owner.email(), w.slug()).orElseThrow();
            KnowledgeService knowledge = app.getBean(KnowledgeService.class);
            long indexingStart = System.nanoTime();
            for (int i = 0; i < documents; i++) {
                String topic = TOPICS[i % TOPICS.length];
                knowledge.addText(tenant, "FAQ " + i + ": " + topic, faq(i, topic), Visibility.PUBLIC);
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (true) {
                KnowledgeStatus s = knowledge.status(tenant.id());
                if (s.indexing() == 0 && s.documents() == documents) {
                    double took = (System.nanoTime() - indexingStart) / 1e9;
                    System.out.printf("knowledge: %d documents, %d passages, indexed in %.1f s (%.1f passages/s)%n",
                            s.documents(), s.chunks(), took, s.chunks() / took);
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("indexing did not finish");
                }
                Thread.sleep(500);
            }
            ChatService chat = app.getBean(ChatService.class);
            // warm-up, so the JIT has compiled the hot paths of app, Elasticsearch and PostgreSQL
            timeTurns(chat, tenant, 4, Integer.getInteger("benchmark.warmupTurns", 50), 0, new ArrayList<>());
            long began = System.nanoTime();
            List<Long> firstWords = Collections.synchronizedList(new ArrayList<>());
            List<Long> nanos = timeTurns(chat, tenant, visitors, turns, thinkMillis, firstWords);
            double seconds = (System.nanoTime() - began) / 1e9;
            Collections.sort(nanos);
            List<Long> first = new ArrayList<>(firstWords);
            Collections.sort(first);
            System.out.printf("%d visitors x %d turns = %d chat turns, think time %d ms, stream pace %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms, %.1f turns/s; first words p50 %.1f ms, p95 %.1f ms%n",
                    visitors, turns, nanos.size(), thinkMillis, pace, pct(nanos, 0.50), pct(nanos, 0.95),
                    nanos.getLast() / 1e6, nanos.size() / seconds, pct(first, 0.50), pct(first, 0.95));
        } finally {
            DataDirectories.deleteQuietly(data);
        }
        System.exit(0);
    }

    /** {@code thinkMillis}: a visitor's pause between an answer and the next question (0: ask again at once). */
    static List<Long> timeTurns(ChatService chat, CurrentTenant tenant, int visitors, int turns, int thinkMillis,
                                List<Long> firstWords) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(visitors);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int v = 0; v < visitors; v++) {
            int visitor = v;
            all.add(CompletableFuture.runAsync(() -> {
                Conversation c = chat.start(tenant.id(), Channel.WIDGET, "bench-" + visitor + "-" + System.nanoTime());
                if (thinkMillis > 0) { // visitors arrive spread out, not all in the same millisecond
                    try {
                        Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(thinkMillis));
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                for (int t = 0; t < turns; t++) {
                    String topic = TOPICS[(visitor + t) % TOPICS.length];
                    CompletableFuture<Void> answered = new CompletableFuture<>();
                    CompletableFuture<Long> firstToken = new CompletableFuture<>();
                    try (AutoCloseable ignored = chat.subscribe(tenant.id(), c.id(), e -> {
                        if (e instanceof ChatEvent.AnswerToken) {
                            firstToken.complete(System.nanoTime());
                        }
                        if (e instanceof ChatEvent.MessageAdded m && m.message().author() != Author.CUSTOMER) {
                            firstToken.complete(System.nanoTime()); // an answer that was not streamed
                            answered.complete(null);
                        }
                    })) {
                        long start = System.nanoTime();
                        chat.ask(tenant.id(), c.id(), "How does " + topic + " work for order number " + t + "?");
                        answered.get(60, TimeUnit.SECONDS);
                        nanos.add(System.nanoTime() - start);
                        firstWords.add(firstToken.get() - start);
                        if (thinkMillis > 0) {
                            Thread.sleep((long) (thinkMillis * (0.5 + java.util.concurrent.ThreadLocalRandom.current().nextDouble())));
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, pool));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
        pool.shutdown();
        return new ArrayList<>(nanos);
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    static String faq(int i, String topic) {
        return """
                # How %1$s work (article %2$d)
                Our %1$s policy covers every order placed in the web shop or in one of our stores. For %1$s, \
                customers contact support with their order number; we reply within one business day.
                ## Exceptions for %1$s
                Orders older than %3$d days and items bought from marketplace sellers follow the seller's own rules \
                for %1$s. Ask the seller first.
                """.formatted(topic, i, 30 + i % 60);
    }
}
