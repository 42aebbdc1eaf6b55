package com.frontline.knowledge;

import com.frontline.FrontlineApplication;
import com.frontline.identity.SignUpCmd;
import com.frontline.identity.UserAccount;
import com.frontline.identity.UserService;
import com.frontline.platform.DataDirectories;
import com.frontline.search.Visibility;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Benchmark, not a test: ingests N small documents (two sections each) into one workspace of the real app, then
 * times re-indexing after one changed document and a full rebuild from PostgreSQL. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.knowledge.KnowledgeReindexBenchmark -Dbenchmark.documents=1000}.
 */
public final class KnowledgeReindexBenchmark {

    public static void main(String[] args) throws Exception {
        int documents = Integer.getInteger("benchmark.documents", 1000);
        Path data = Files.createTempDirectory("frontline-bench-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FrontlineApplication.class).run(
                "--server.port=0", "--frontline.embedded.data-dir=" + data, "--frontline.demo.seed=false",
                "--logging.level.root=WARN", "--db-scheduler.polling-interval=500ms")) {
            UserAccount owner = app.getBean(UserService.class).signUp(
                    new SignUpCmd("perf@example.com", "Perf", "a quiet machine measurement"));
            TenantService tenants = app.getBean(TenantService.class);
            Workspace w = tenants.createWorkspace(new Actor(owner.id(), owner.email()), "Bench Co", "bench", "Other");
            CurrentTenant tenant = tenants.resolve(owner.id(), owner.email(), w.slug()).orElseThrow();
            KnowledgeService knowledge = app.getBean(KnowledgeService.class);

            long start = System.nanoTime();
            for (int i = 0; i < documents; i++) {
                knowledge.upload(tenant, "doc-" + i + ".md", markdown(i, "").getBytes(StandardCharsets.UTF_8), null, Visibility.PUBLIC);
            }
            await(() -> {
                KnowledgeStatus s = knowledge.status(tenant.id());
                return s.indexing() == 0 && s.documents() == documents;
            }, 3600);
            KnowledgeStatus loaded = knowledge.status(tenant.id());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("ingest %d documents (%d passages): %.1f s, %.1f passages/s, %d failed%n", documents,
                    loaded.chunks(), seconds, loaded.chunks() / seconds, loaded.failed());

            UUID changed = knowledge.documents(tenant.id()).stream()
                    .filter(d -> "doc-17.md".equals(d.filename())).findFirst().orElseThrow().id();
            start = System.nanoTime();
            knowledge.upload(tenant, "doc-17.md", markdown(17, " Updated on request.").getBytes(StandardCharsets.UTF_8),
                    null, Visibility.PUBLIC);
            await(() -> knowledge.document(tenant.id(), changed).document().liveVersion() == 2, 600);
            System.out.printf("re-index after one changed document: %.2f s (upload to live)%n",
                    (System.nanoTime() - start) / 1e9);

            start = System.nanoTime();
            knowledge.rebuild(tenant);
            await(() -> {
                KnowledgeStatus.RebuildProgress p = knowledge.status(tenant.id()).rebuild();
                return p != null && p.finished();
            }, 3600);
            System.out.printf("full rebuild of %d documents reusing stored embeddings: %.1f s%n", documents,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            DataDirectories.deleteQuietly(data);
        }
        System.exit(0);
    }

    static String markdown(int i, String extra) {
        return """
                # Product %1$d

                Product %1$d ships from our warehouse within two business days. Orders above 50 euros ship free of
                charge; below that the shipping fee is 4.90 euros. Tracking links arrive by e-mail.%2$s

                ## Returns for product %1$d

                You can return product %1$d within 30 days. Refunds reach your account within five business days
                after we receive the parcel. Opened hygiene items cannot be returned.
                """.formatted(i, extra);
    }

    private static void await(BooleanSupplier condition, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + maxSeconds + " s");
            }
            Thread.sleep(100);
        }
    }
}
