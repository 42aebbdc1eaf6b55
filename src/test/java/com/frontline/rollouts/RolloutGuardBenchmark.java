package com.frontline.rollouts;

import com.frontline.rollouts.simulation.Outcome;
import com.frontline.rollouts.simulation.RolloutSimulation;
import com.frontline.rollouts.simulation.Scenario;
import com.frontline.rollouts.simulation.VisitorModel;
import com.frontline.shared.TenantId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Benchmark, not a test: how fast the default guard catches a worse candidate and how often it rolls back an equal
 * one, over seeded rehearsals (the {@code simulate-rollout} simulation: ten visitors a minute, two answers each, a
 * quarter of answers rated, errors on 1 % of calls), and what assignment, a guard look and a rehearsal cost. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.rollouts.RolloutGuardBenchmark} ({@code -Dbenchmark.runs=200} by default).
 */
public final class RolloutGuardBenchmark {

    public static void main(String[] args) {
        int runs = Integer.getInteger("benchmark.runs", 200);
        long windowMinutes = GuardConfig.DEFAULTS.window().toMinutes();
        System.out.printf(Locale.ROOT, "%-34s %5s %9s %8s %8s %8s %8s%n", "scenario (split, helpful b→c)", "runs",
                "rolled", "in 24 h", "median", "p90", "max");
        for (int split : new int[] { 1000, 5000 }) {
            for (double candidate : new double[] { 0.72, 0.76 }) {
                detection(runs, split, candidate, windowMinutes);
            }
        }
        for (int split : new int[] { 1000, 5000 }) {
            int rolledBack = 0;
            for (long seed = 0; seed < 2L * runs; seed++) {
                rolledBack += RolloutSimulation.run(new Scenario(10_000, 10, VisitorModel.of(0.80, 0.80), split, null,
                        GuardConfig.DEFAULTS, seed, true)).rolledBack() ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "equal arms, %2d %% split, 10,000 visitors: false rollbacks %d of %d%n",
                    split / 100, rolledBack, 2 * runs);
        }
        int longRuns = Math.max(10, runs / 10);
        int rolledBack = 0;
        for (long seed = 0; seed < longRuns; seed++) {
            rolledBack += RolloutSimulation.run(new Scenario(1_000_000, 10, VisitorModel.of(0.80, 0.80), 1000, null,
                    GuardConfig.DEFAULTS, seed, true)).rolledBack() ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "equal arms, 10 %% split, 1,000,000 visitors (69 days, 138 windows): false "
                + "rollbacks %d of %d%n", rolledBack, longRuns);

        costs();
    }

    private static void detection(int runs, int split, double candidate, long windowMinutes) {
        List<Integer> visitors = new ArrayList<>();
        int within = 0;
        for (long seed = 0; seed < runs; seed++) {
            Outcome o = RolloutSimulation.run(new Scenario(100_000, 10, VisitorModel.of(0.80, candidate), split, null,
                    GuardConfig.DEFAULTS, seed, true));
            if (o.rolledBack()) {
                visitors.add(o.visitorsUntilRollback());
                within += o.rollbackMinute() <= windowMinutes ? 1 : 0;
            }
        }
        Collections.sort(visitors);
        System.out.printf(Locale.ROOT, "%-34s %5d %9d %8d %8s %8s %8s%n", String.format(Locale.ROOT,
                        "%d %%, 0.80→%.2f", split / 100, candidate), runs, visitors.size(), within,
                at(visitors, 0.5), at(visitors, 0.9), visitors.isEmpty() ? "-" : visitors.getLast());
    }

    private static void costs() {
        TenantId workspace = TenantId.of(UUID.fromString("5f0c8a6e-2b1d-4c3e-9a7f-0d1e2f3a4b5c"));
        UUID experiment = UUID.fromString("0b7e1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");
        long sink = 0;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 1_000_000; i++) {
                sink += Assignment.bucket(workspace, experiment, "visitor-" + i);
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        System.out.printf(Locale.ROOT, "assignment: 1,000,000 buckets in %.0f ms (best of 5)%n", best);

        Guard guard = new Guard(GuardConfig.DEFAULTS);
        GuardWindow window = new GuardWindow(RolloutSimulation.START, 1, 0.025);
        ArmCounts cand = ArmCounts.builder().visitors(900).conversations(900).answers(1800).ratings(340, 450)
                .fallbacks(200).handoffs(40).calls(1800, 18, 30).implicit(1200, 1800).build();
        ArmCounts base = ArmCounts.builder().visitors(8100).conversations(8100).answers(16_200)
                .ratings(3240, 4050).fallbacks(1800).handoffs(360).calls(16_200, 160, 270).implicit(10_900, 16_200)
                .build();
        best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 100_000; i++) {
                sink += guard.evaluate(cand, base, window, null).words().length();
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e3 / 100_000);
        }
        System.out.printf(Locale.ROOT, "guard: one look (six metrics compared, verdict in words) %.1f µs (best of 5)%n",
                best);

        for (double drop : new double[] { 0.05, 0.10 }) {
            for (int split : new int[] { 1000, 5000 }) {
                long t0 = System.nanoTime();
                Rehearsal.Estimate e = Rehearsal.visitorsToCatch(split, 0.80, drop, 0.25, 1);
                System.out.printf(Locale.ROOT, "Rehearsal.visitorsToCatch(%d, 0.80, %.2f, 0.25, 1): %s  [%.2f s]%n",
                        split, drop, e.words(), (System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.println(sink == 42 ? "" : "done");
    }

    private static String at(List<Integer> sorted, double q) {
        return sorted.isEmpty() ? "-" : String.valueOf(sorted.get((int) Math.min(sorted.size() - 1,
                Math.floor(q * sorted.size()))));
    }

    private RolloutGuardBenchmark() {
    }
}
