package com.frontline.corrections;

import com.frontline.search.internal.MiniLmTextEmbedder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Benchmark, not a test: what the verified-answer lookup adds to a chat turn in a workspace with
 * {@code -Dbenchmark.corrections=10000} approved corrections. Measured separately:
 * <ol>
 *   <li>the comparison itself, on every turn once the workspace's approved questions are in memory: the nearest of
 *   N question vectors (384 floats each) to the question's vector (sign-bit prefilter, then the 256 best compared
 *   exactly), and the threshold check; and, for reference, the exact scan of all N;</li>
 *   <li>building the in-memory snapshot from the rows (after an approval, an edit, a retire, or every 30 s), without
 *   the PostgreSQL read;</li>
 *   <li>embedding the standalone question with MiniLM (the lookup embeds it; the knowledge search embeds it again
 *   when no verified answer matches).</li>
 * </ol>
 * The stored vectors are random unit vectors: the comparison costs the same whatever they hold. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.corrections.VerifiedAnswerLookupBenchmark}.
 */
public final class VerifiedAnswerLookupBenchmark {

    public static void main(String[] args) {
        int corrections = Integer.getInteger("benchmark.corrections", 10_000);
        int lookups = Integer.getInteger("benchmark.lookups", 2_000);
        Random random = new Random(42);
        List<CorrectionRepository.Approved> rows = new ArrayList<>(corrections);
        for (int i = 0; i < corrections; i++) {
            rows.add(new CorrectionRepository.Approved(UUID.randomUUID(), "Question " + i, "Answer " + i, null,
                    randomVector(random)));
        }

        long[] builds = new long[20];
        ApprovedQuestions.Snapshot snapshot = null;
        for (int i = 0; i < builds.length; i++) {
            long start = System.nanoTime();
            snapshot = new ApprovedQuestions.Snapshot(rows, MatchThreshold.DEFAULT, java.time.Instant.now());
            builds[i] = System.nanoTime() - start;
        }

        for (int i = 0; i < 500; i++) { // warm-up
            VerifiedAnswerLookup.best(snapshot, randomVector(random));
        }
        long[] compare = new long[lookups];
        long[] compareCpu = new long[lookups];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int matched = 0;
        for (int i = 0; i < lookups; i++) {
            float[] query = i % 10 == 0 ? rows.get(random.nextInt(corrections)).embedding() : randomVector(random);
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            if (VerifiedAnswerLookup.best(snapshot, query).isPresent()) {
                matched++;
            }
            compare[i] = System.nanoTime() - start;
            compareCpu[i] = threads.getCurrentThreadCpuTime() - cpu;
        }

        long[] exact = new long[lookups / 4];
        for (int i = 0; i < exact.length; i++) {
            float[] query = randomVector(random);
            long cpu = threads.getCurrentThreadCpuTime();
            snapshot.exactBest(query);
            exact[i] = threads.getCurrentThreadCpuTime() - cpu;
        }

        MiniLmTextEmbedder embedder = new MiniLmTextEmbedder(null);
        String[] questions = {"How do I return a gift I received?", "Can I change my delivery address?",
                "Why was my card declined at checkout?", "Do you ship to Canada?", "How do I cancel my plan?"};
        for (String q : questions) {
            embedder.embed(q); // loads the model
        }
        long[] embed = new long[200];
        for (int i = 0; i < embed.length; i++) {
            String q = questions[i % questions.length] + " " + i;
            long start = System.nanoTime();
            embedder.embed(q);
            embed[i] = System.nanoTime() - start;
        }

        System.out.printf(Locale.ROOT, "approved corrections: %d, lookups: %d (%d matched)%n", corrections, lookups,
                matched);
        report("comparison per turn (in memory)", compare);
        report("  the same, CPU time of the thread", compareCpu);
        report("exact scan of all (no prefilter), CPU", exact);
        report("snapshot build from rows", builds);
        report("MiniLM embedding of the question", embed);
        System.out.printf(Locale.ROOT, "cpus: %d, load average %.1f, java %s%n",
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"));
    }

    private static float[] randomVector(Random random) {
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.unit(v);
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-36s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
