package com.frontline.knowledge;

import com.frontline.FrontlineApplication;
import com.frontline.identity.SignUpCmd;
import com.frontline.identity.UserAccount;
import com.frontline.identity.UserService;
import com.frontline.platform.DataDirectories;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.Visibility;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Benchmark, not a test: uploads N small documents at once (1–5 passages each; Markdown, plain text, HTML, FAQ CSV
 * and DOCX in turn) through {@link KnowledgeService#upload}, as the upload page does, and times upload → every
 * document indexed and its passages searchable (counted in Elasticsearch). Each value of
 * {@code -Dbenchmark.batches} (documents per ingestion batch; 1 = one document per job, the old path) gets a fresh
 * app, PostgreSQL and Elasticsearch, one after the other in the same JVM, so the figures of one run compare.
 * <p>
 * {@code ./mvnw -B -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.knowledge.IngestionBenchmark -Dbenchmark.documents=1000 -Dbenchmark.batches=1,64}
 */
public final class IngestionBenchmark {

    private static final String[] TOPICS = {"shipping", "returns", "warranty", "billing", "accounts", "privacy",
            "installation", "repairs", "subscriptions", "gift cards", "vouchers", "delivery slots"};
    private static final String[] SENTENCES = {
            "Orders of %s placed before noon leave our %s warehouse the same day.",
            "The %s service desk answers within %d hours on working days.",
            "Customers in %s pay no fee for the first %d requests a year.",
            "Keep the receipt: the %s team asks for it when the claim is older than %d days.",
            "A replacement for %s arrives within %d business days after we confirm the fault.",
            "Our %s policy changed this spring; the old rules apply to orders before week %d.",
            "If the %s form shows an error, clear the browser cache and try again after %d minutes.",
            "Members of the loyalty programme get %s support and %d bonus points per order.",
            "The %s option is not available for parcels heavier than %d kilograms.",
            "Write to the %s address with your order number; we reply within %d days.",
    };
    private static final String[] PLACES = {"Berlin", "Lyon", "Porto", "Leeds", "Gdansk", "Malmo", "Utrecht", "Graz"};

    public static void main(String[] args) throws Exception {
        int documents = Integer.getInteger("benchmark.documents", 1000);
        String[] batches = System.getProperty("benchmark.batches", "1,64").split(",");
        List<Upload> uploads = uploads(documents, new Random(42));
        for (String batch : batches) {
            run(uploads, Integer.parseInt(batch.strip()));
        }
        System.exit(0);
    }

    private static void run(List<Upload> uploads, int batch) throws Exception {
        Path data = Files.createTempDirectory("frontline-ingest-bench-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FrontlineApplication.class).run(
                "--server.port=0", "--frontline.embedded.data-dir=" + data, "--frontline.demo.seed=false",
                "--logging.level.root=WARN", "--frontline.knowledge.ingest-batch=" + batch,
                "--frontline.elasticsearch.startup-timeout=400s")) {
            UserAccount owner = app.getBean(UserService.class).signUp(
                    new SignUpCmd("perf@example.com", "Perf", "a quiet machine measurement"));
            TenantService tenants = app.getBean(TenantService.class);
            Workspace w = tenants.createWorkspace(new Actor(owner.id(), owner.email()), "Bench Co", "bench", "Other");
            CurrentTenant tenant = tenants.resolve(owner.id(), owner.email(), w.slug()).orElseThrow();
            KnowledgeService knowledge = app.getBean(KnowledgeService.class);
            KnowledgeIndex index = app.getBean(KnowledgeIndex.class);
            // the model loads on first use (~1 s): warm it outside the timing, as a running app has
            knowledge.upload(tenant, "warm-up.md", "# Warm up\nThe model loads once.".getBytes(StandardCharsets.UTF_8),
                    null, Visibility.PUBLIC);
            await(() -> knowledge.status(tenant.id()).indexing() == 0, 600);
            long warmChunks = knowledge.status(tenant.id()).chunks();

            double loadBefore = load();
            long start = System.nanoTime();
            int refused = 0;
            for (Upload u : uploads) {
                if (!knowledge.upload(tenant, u.filename(), u.bytes(), null, Visibility.PUBLIC).accepted()) {
                    refused++;
                }
            }
            double uploadSeconds = (System.nanoTime() - start) / 1e9;
            int expected = uploads.size() + 1;
            await(() -> {
                KnowledgeStatus s = knowledge.status(tenant.id());
                return s.indexing() == 0 && s.documents() == expected;
            }, 3600);
            KnowledgeStatus done = knowledge.status(tenant.id());
            long passages = done.chunks() - warmChunks;
            index.refresh();
            long searchable = index.count(tenant.id()) - warmChunks;
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("RESULT batch=%d documents=%d passages=%d searchable=%d failed=%d refused=%d "
                            + "upload=%.1fs total=%.1fs rate=%.1f passages/s load=%.2f->%.2f%n",
                    batch, uploads.size(), passages, searchable, done.failed(), refused, uploadSeconds, seconds,
                    passages / seconds, loadBefore, load());
        } finally {
            DataDirectories.deleteQuietly(data);
        }
    }

    record Upload(String filename, byte[] bytes) {
    }

    static List<Upload> uploads(int n, Random random) throws IOException {
        List<Upload> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int sections = 1 + random.nextInt(5);
            List<String[]> parts = new ArrayList<>();
            for (int s = 0; s < sections; s++) {
                String topic = TOPICS[random.nextInt(TOPICS.length)];
                parts.add(new String[]{"%s for product line %d, part %d".formatted(capital(topic), i, s + 1),
                        paragraph(random, topic, i)});
            }
            out.add(switch (i % 5) {
                case 0 -> new Upload("guide-" + i + ".md", bytes(markdown(i, parts)));
                case 1 -> new Upload("notes-" + i + ".txt", bytes(text(parts)));
                case 2 -> new Upload("page-" + i + ".html", bytes(html(i, parts)));
                case 3 -> new Upload("faq-" + i + ".csv", bytes(csv(parts)));
                default -> new Upload("manual-" + i + ".docx", docx(parts));
            });
        }
        return out;
    }

    private static String paragraph(Random random, String topic, int i) {
        StringBuilder b = new StringBuilder();
        int sentences = 4 + random.nextInt(3);
        for (int k = 0; k < sentences; k++) {
            String template = SENTENCES[random.nextInt(SENTENCES.length)];
            String first = template.startsWith("Members") ? topic : topic + " " + PLACES[random.nextInt(PLACES.length)];
            if (template.contains("warehouse")) {
                b.append(template.formatted(topic + " item " + i, PLACES[random.nextInt(PLACES.length)]));
                b.append(' ');
                continue;
            }
            b.append(template.formatted(first, 2 + random.nextInt(40 + i % 17))).append(' ');
        }
        return b.toString().strip();
    }

    private static String markdown(int i, List<String[]> parts) {
        StringBuilder b = new StringBuilder("# Guide " + i + "\n\n");
        parts.forEach(p -> b.append("## ").append(p[0]).append("\n\n").append(p[1]).append("\n\n"));
        return b.toString();
    }

    private static String text(List<String[]> parts) {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> b.append(p[0].toUpperCase()).append("\n\n").append(p[1]).append("\n\n\n"));
        return b.toString();
    }

    private static String html(int i, List<String[]> parts) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html><head><title>Help page " + i
                + "</title></head><body><h1>Help page " + i + "</h1>");
        parts.forEach(p -> b.append("<h2>").append(p[0]).append("</h2><p>").append(p[1]).append("</p>"));
        return b.append("</body></html>").toString();
    }

    private static String csv(List<String[]> parts) {
        StringBuilder b = new StringBuilder("question;answer\n");
        parts.forEach(p -> b.append("What about ").append(p[0].toLowerCase()).append("?;\"")
                .append(p[1].replace("\"", "\"\"")).append("\"\n"));
        return b.toString();
    }

    private static byte[] docx(List<String[]> parts) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String[] p : parts) {
                doc.createParagraph().createRun().setText(p[0]);
                doc.createParagraph().createRun().setText(p[1]);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void await(BooleanSupplier condition, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + maxSeconds + " s");
            }
            Thread.sleep(1000); // about as often as the knowledge page polls, so the poll itself costs little
        }
    }
}
