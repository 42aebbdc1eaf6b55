package com.frontline.rollouts.web;

import com.frontline.rollouts.ArmMetrics;
import com.frontline.rollouts.Decision;
import com.frontline.rollouts.DeploymentEvent;
import com.frontline.rollouts.Experiment;
import com.frontline.rollouts.ExperimentArm;
import com.frontline.rollouts.ExperimentKind;
import com.frontline.rollouts.GuardSettings;
import com.frontline.rollouts.SeriesPoint;
import com.frontline.rollouts.stats.Rate;
import com.frontline.rollouts.stats.Wilson;
import org.springframework.test.context.TestContextManager;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Benchmark, not a test: what the rollout pages cost on top of the service's queries (timed by
 * {@code RolloutGuardQueryBenchmark}): the whole web stack of {@link RolloutsPagesTest} (security, workspace
 * resolution, controller, Thymeleaf with the layout, the SVG charts) over a mocked {@code Rollouts} that answers at
 * once. The experiment page of a gradual rollout three days in (2 arms × 72 hourly buckets) and of an A/B/n experiment
 * (4 arms × 72 buckets), and the overview with 20 history events; {@value #WARM_UP} warm-up requests each, then
 * {@code benchmark.runs} (500). Run with {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.frontline.rollouts.web.RolloutsPageRenderBenchmark}.
 */
public final class RolloutsPageRenderBenchmark {

    static final int WARM_UP = 300;

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("benchmark.runs", 500);
        RolloutsPagesTest pages = new RolloutsPagesTest();
        new TestContextManager(RolloutsPagesTest.class).prepareTestInstance(pages);
        pages.workspace();

        Experiment rollout = RolloutFixtures.running(pages.id);
        List<ExperimentArm> four = List.of(new ExperimentArm("baseline", 3, 2500), new ExperimentArm("b", 4, 2500),
                new ExperimentArm("c", 5, 2500), new ExperimentArm("d", 6, 2500));
        Experiment abn = new Experiment(rollout.id(), 8, "Four ways", ExperimentKind.AB, rollout.status(), 3, four,
                List.of(), -1, GuardSettings.DEFAULTS, null, null, "ada@example.com", rollout.createdAt(),
                rollout.startedAt(), rollout.stepStartedAt(), null, 9);
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("arm", "candidate");
        numbers.put("candidate helpful (%)", 78.1);
        numbers.put("baseline helpful (%)", 80.2);
        numbers.put("always-valid p", 0.4137);
        numbers.put("window from", "2026-12-07T08:00:00Z");
        when(pages.rollouts.decision(pages.tenant, pages.id)).thenReturn(new Decision(Decision.OK,
                "Step 1 of 3 (10 %): waiting: 20 min of the 1 h minimum left.", numbers));
        List<DeploymentEvent> history = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            history.add(RolloutFixtures.guardRollback());
        }
        when(pages.rollouts.history(eq(pages.tenant), anyInt())).thenReturn(history);
        when(pages.rollouts.lastRollback(pages.tenant)).thenReturn(history.getFirst());
        when(pages.rollouts.running(pages.tenant)).thenReturn(Optional.of(rollout));
        when(pages.rollouts.list(pages.tenant)).thenReturn(List.of(rollout, rollout, rollout));
        when(pages.rollouts.splitInForce(pages.tenant)).thenReturn("v3 90 % · v4 10 %");

        String experiment = "/w/" + RolloutsPagesTest.SLUG + "/rollouts/" + pages.id;
        when(pages.rollouts.get(pages.tenant, pages.id)).thenReturn(rollout);
        when(pages.rollouts.metrics(pages.tenant, pages.id)).thenReturn(metrics(rollout.arms()));
        when(pages.rollouts.series(pages.tenant, pages.id)).thenReturn(series(rollout.arms(), 72));
        report("experiment page, rollout, 2 arms × 72 h", pages, experiment, runs);

        when(pages.rollouts.get(pages.tenant, pages.id)).thenReturn(abn);
        when(pages.rollouts.metrics(pages.tenant, pages.id)).thenReturn(metrics(four));
        when(pages.rollouts.series(pages.tenant, pages.id)).thenReturn(series(four, 72));
        report("experiment page, A/B/n, 4 arms × 72 h", pages, experiment, runs);

        report("overview, 20 history events", pages, RolloutsPagesTest.BASE, runs);
        System.exit(0);
    }

    static void report(String what, RolloutsPagesTest pages, String url, int runs) throws Exception {
        int bytes = 0;
        for (int i = 0; i < WARM_UP; i++) {
            bytes = render(pages, url);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            render(pages, url);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-42s p50 %5.1f ms  p95 %5.1f ms  max %6.1f ms  (%,d bytes of HTML, %d runs)%n", what,
                nanos[runs / 2] / 1e6, nanos[(int) Math.ceil(runs * 0.95) - 1] / 1e6, nanos[runs - 1] / 1e6, bytes,
                runs);
    }

    static int render(RolloutsPagesTest pages, String url) throws Exception {
        var response = pages.mvc.perform(get(url).with(pages.signedIn())).andReturn().getResponse();
        if (response.getStatus() != 200) {
            throw new IllegalStateException(url + " answered " + response.getStatus());
        }
        return response.getContentAsString(StandardCharsets.UTF_8).length();
    }

    /** Each arm over the guard window, then since the start. */
    static List<ArmMetrics> metrics(List<ExperimentArm> arms) {
        List<ArmMetrics> out = new ArrayList<>();
        for (int span = 0; span < 2; span++) {
            for (ExperimentArm a : arms) {
                out.add(RolloutFixtures.arm(a.name(), a.version(), span == 0 ? 120 : 2400, span == 0 ? 150 : 3000));
            }
        }
        return out;
    }

    static List<SeriesPoint> series(List<ExperimentArm> arms, int hours) {
        Random random = new Random(7);
        Instant start = Instant.parse("2026-12-04T08:00:00Z").truncatedTo(ChronoUnit.HOURS);
        List<SeriesPoint> points = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            for (ExperimentArm a : arms) {
                int n = 20 + random.nextInt(60);
                Rate r = Rate.of(Math.round(n * (0.75 + random.nextDouble() * 0.1)), n);
                points.add(new SeriesPoint(start.plus(Duration.ofHours(h)), a.name(), r, Wilson.interval(r, 0.95)));
            }
        }
        return points;
    }
}
