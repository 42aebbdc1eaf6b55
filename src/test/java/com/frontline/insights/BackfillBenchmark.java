package com.frontline.insights;

import com.frontline.FrontlineApplication;
import com.frontline.chat.Author;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatService;
import com.frontline.chat.ChatService.PastMessage;
import com.frontline.chat.ConversationHistory;
import com.frontline.chat.ConversationStatus;
import com.frontline.identity.SignUpCmd;
import com.frontline.identity.UserAccount;
import com.frontline.identity.UserService;
import com.frontline.platform.DataDirectories;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark, not a test: the backfill of {@code -Dbenchmark.conversations=2000} earlier conversations of one
 * workspace, each with two customer questions answered by the fallback (so every question is a gap and is embedded
 * once, the backfill's dominant cost), on the real app (PostgreSQL, MiniLM). Prints the conversations and questions
 * analysed per second, the time of the re-cluster it ends with, and the startup check's cross-workspace query. Run
 * with {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.insights.BackfillBenchmark}.
 */
public final class BackfillBenchmark {

    static final String[] TOPICS = {"gift cards", "spare parts", "student discounts", "delivery to Norway",
            "store hours", "repairs", "loyalty points", "price matching"};

    public static void main(String[] args) throws Exception {
        int conversations = Integer.getInteger("benchmark.conversations", 2_000);
        Path data = Files.createTempDirectory("frontline-bench-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FrontlineApplication.class).run(
                "--server.port=0", "--frontline.embedded.data-dir=" + data, "--frontline.demo.seed=false",
                "--logging.level.root=WARN", "--db-scheduler.polling-interval=500ms")) {
            UserAccount owner = app.getBean(UserService.class).signUp(
                    new SignUpCmd("perf@example.com", "Perf", "a quiet machine measurement"));
            TenantService tenants = app.getBean(TenantService.class);
            Workspace w = tenants.createWorkspace(new Actor(owner.id(), owner.email()), "Bench Co", "bench", "Other");
            CurrentTenant tenant = tenants.resolve(owner.id(), owner.email(), w.slug()).orElseThrow();
            ChatService chat = app.getBean(ChatService.class);
            OffsetDateTime at = OffsetDateTime.now().minusDays(20);
            String fallback = "I'm not sure about that one. Shall I connect you with someone?";
            for (int i = 0; i < conversations; i++) {
                String topic = TOPICS[i % TOPICS.length];
                OffsetDateTime t = at.plusMinutes(i);
                chat.recordPastConversation(tenant.id(), Channel.WIDGET, "visitor:bench-" + i, ConversationStatus.BOT,
                        null, List.of(
                                new PastMessage(Author.CUSTOMER, null, "Question " + i + " about " + topic + "?",
                                        List.of(), null, false, null, t),
                                new PastMessage(Author.ASSISTANT, "Ava", fallback, List.of(), 0.2, true, null, t),
                                new PastMessage(Author.CUSTOMER, null, "And what about " + topic + " for order " + i
                                        + "?", List.of(), null, false, null, t.plusSeconds(30)),
                                new PastMessage(Author.ASSISTANT, "Ava", fallback, List.of(), 0.2, true, null,
                                        t.plusSeconds(31))));
            }
            ConversationHistory history = app.getBean(ConversationHistory.class);
            long q = System.nanoTime();
            int workspaces = history.workspacesWithConversations().size();
            System.out.printf("startup check query: %d workspace(s) in %.1f ms%n", workspaces,
                    (System.nanoTime() - q) / 1e6);

            InsightsBackground background = app.getBean(InsightsBackground.class);
            long began = System.nanoTime();
            background.backfill(tenant.id());
            long deadline = began + TimeUnit.MINUTES.toNanos(60);
            while (background.backfillProgress(tenant.id()).map(Backfill::running).orElse(true)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the backfill did not finish");
                }
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            Backfill done = background.backfillProgress(tenant.id()).orElseThrow();
            System.out.printf("backfill: %d conversations walked, %d analysed (%d questions) in %.1f s: %.1f "
                            + "conversations/s, %.1f questions/s%n", done.done(), done.analysed(), 2 * done.analysed(),
                    seconds, done.analysed() / seconds, 2 * done.analysed() / seconds);
            long clusterBegan = System.nanoTime();
            while (background.clusterJob(tenant.id()).map(ClusterJob::active).orElse(true)) {
                Thread.sleep(100);
            }
            ClusterJob job = background.clusterJob(tenant.id()).orElseThrow();
            System.out.printf("re-cluster after it: %s, %d questions, %d clusters, %.1f s after the backfill%n",
                    job.status(), job.questions(), app.getBean(InsightsService.class).clusters(tenant.id()).size(),
                    (System.nanoTime() - clusterBegan) / 1e9);
        } finally {
            DataDirectories.deleteQuietly(data);
        }
        System.exit(0);
    }
}
