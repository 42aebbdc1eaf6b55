package com.frontline.rollouts;

import com.frontline.shared.TenantId;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AssignmentTest {

    private static final TenantId WORKSPACE = TenantId.of(UUID.fromString("5f0c8a6e-2b1d-4c3e-9a7f-0d1e2f3a4b5c"));
    private static final UUID EXPERIMENT = UUID.fromString("0b7e1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d");

    /**
     * Known answers of the documented scheme, computed outside Java with Python's hashlib:
     * {@code int.from_bytes(sha256(b"frontline/rollouts/v1\0" + ws.bytes + exp.bytes + key.encode()).digest()[:8],
     * "big") % 10000}. They pin the scheme: a change would move every visitor of every running experiment.
     */
    @Test
    void bucketsFollowTheDocumentedSchemeExactly() {
        assertThat(Assignment.bucket(WORKSPACE, EXPERIMENT, "alice")).isEqualTo(774);
        assertThat(Assignment.bucket(WORKSPACE, EXPERIMENT, "bob")).isEqualTo(7100);
        assertThat(Assignment.bucket(WORKSPACE, EXPERIMENT, "visitor-ü-😀")).isEqualTo(2629);
        assertThat(Assignment.matchesReference()).isTrue();
    }

    @Test
    void bucketsAreSpreadEvenly() {
        long[] counts = new long[100];
        for (int i = 0; i < 100_000; i++) {
            counts[Assignment.bucket(WORKSPACE, EXPERIMENT, "visitor-" + i) / 100]++;
        }
        double[] expected = new double[100];
        Arrays.fill(expected, 1000);
        // chi-square goodness of fit over 100 cells of 100 buckets: evenly spread unless p < 0.001
        assertThat(new ChiSquareTest().chiSquareTest(expected, counts)).isGreaterThan(0.001);
    }

    @Test
    void splitsHoldWithinTwoPercentAtTenThousandVisitors() {
        for (Split split : List.of(Split.rollout("v1", "v2", 1000), Split.rollout("v1", "v2", 5000),
                Split.of(new ArmShare("a", 2000), new ArmShare("b", 3000), new ArmShare("c", 5000)))) {
            Map<String, Integer> served = new java.util.HashMap<>();
            for (int i = 0; i < 10_000; i++) {
                served.merge(Assignment.arm(WORKSPACE, EXPERIMENT, UUID.nameUUIDFromBytes(("v" + i)
                        .getBytes(StandardCharsets.UTF_8)).toString(), split), 1, Integer::sum);
            }
            for (ArmShare a : split.arms()) {
                assertThat(served.getOrDefault(a.arm(), 0) / 10_000.0).as("%s in %s", a.arm(), split)
                        .isCloseTo(a.fraction(), within(0.02));
            }
        }
    }

    @Test
    void aVisitorOnTheCandidateStaysThereAsItsShareGrows() {
        for (int i = 0; i < 5000; i++) {
            String visitor = "visitor-" + i;
            boolean at10 = Assignment.arm(WORKSPACE, EXPERIMENT, visitor, Split.rollout("v1", "v2", 1000)).equals("v2");
            boolean at50 = Assignment.arm(WORKSPACE, EXPERIMENT, visitor, Split.rollout("v1", "v2", 5000)).equals("v2");
            assertThat(!at10 || at50).as(visitor).isTrue();
        }
    }

    /** Tenancy: another workspace, or another experiment, gives the same visitor keys unrelated buckets. */
    @Test
    void workspacesAndExperimentsDrawIndependently() {
        TenantId other = TenantId.of(UUID.fromString("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"));
        UUID otherExperiment = UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
        Split half = Split.rollout("v1", "v2", 5000);
        int sameArmOtherWorkspace = 0;
        int sameArmOtherExperiment = 0;
        int sameBucket = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            String visitor = "visitor-" + i;
            int b = Assignment.bucket(WORKSPACE, EXPERIMENT, visitor);
            sameBucket += b == Assignment.bucket(other, EXPERIMENT, visitor) ? 1 : 0;
            String arm = half.armFor(b);
            sameArmOtherWorkspace += arm.equals(Assignment.arm(other, EXPERIMENT, visitor, half)) ? 1 : 0;
            sameArmOtherExperiment += arm.equals(Assignment.arm(WORKSPACE, otherExperiment, visitor, half)) ? 1 : 0;
        }
        // independent draws agree half of the time at 50/50 (sd 0.005); identical ones always
        assertThat(sameArmOtherWorkspace / (double) n).isCloseTo(0.5, within(0.03));
        assertThat(sameArmOtherExperiment / (double) n).isCloseTo(0.5, within(0.03));
        assertThat(sameBucket).isLessThan(10);
    }

    /** A restart: a fresh JVM computes the same buckets for the same visitors. */
    @Test
    void aNewJvmAssignsTheSameBuckets() throws IOException, InterruptedException {
        List<String> visitors = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            visitors.add("restart-" + i);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), AssignmentSnapshot.class.getName(),
                WORKSPACE.toString(), EXPERIMENT.toString()));
        command.addAll(visitors);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> lines = output.lines().toList();
        assertThat(lines).hasSize(visitors.size());
        for (int i = 0; i < visitors.size(); i++) {
            assertThat(lines.get(i)).isEqualTo(visitors.get(i) + " " + Assignment.bucket(WORKSPACE, EXPERIMENT,
                    visitors.get(i)));
        }
    }

    @Test
    void refusesAnEmptyVisitorKey() {
        assertThatThrownBy(() -> Assignment.bucket(WORKSPACE, EXPERIMENT, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
