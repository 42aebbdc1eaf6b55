package com.frontline.rollouts;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutRehearsalCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return RolloutRehearsalCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOneJsonObjectWithExactlyTheSixKeys() {
        int code = run("--visitors", "10000", "--baseline-helpful", "0.80", "--candidate-helpful", "0.72",
                "--split", "10", "--json");

        assertThat(code).isZero();
        assertThat(stdout().lines().toList()).hasSize(1);
        JsonNode json = JsonMapper.builder().build().readTree(stdout());
        assertThat(json.propertyNames()).containsExactly("visitors", "split", "candidate_share", "rolled_back",
                "visitors_until_rollback", "assignment_stable");
        assertThat(json.get("visitors").asInt()).isEqualTo(10_000);
        assertThat(json.get("split").isIntegralNumber()).isTrue();
        assertThat(json.get("split").asInt()).isEqualTo(10);
        assertThat(json.get("candidate_share").asDouble()).isBetween(0.08, 0.12);
        assertThat(json.get("rolled_back").asBoolean()).isTrue();
        assertThat(json.get("visitors_until_rollback").asInt()).isBetween(1, 10_000);
        assertThat(json.get("assignment_stable").asBoolean()).isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void visitorsUntilRollbackIsNullWithoutARollbackAndTheSplitIsAsGiven() {
        int code = run("--visitors", "10000", "--baseline-helpful", "80%", "--candidate-helpful", "80%",
                "--split", "12.5", "--json");

        assertThat(code).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(stdout());
        assertThat(json.get("split").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(json.get("rolled_back").asBoolean()).isFalse();
        assertThat(json.get("visitors_until_rollback").isNull()).isTrue();
        assertThat(json.get("candidate_share").asDouble()).isBetween(0.105, 0.145);
    }

    @Test
    void withoutJsonPrintsASummaryForPeople() {
        int code = run("--visitors", "10000", "--baseline-helpful", "0.80", "--candidate-helpful", "0.72");

        assertThat(code).isZero();
        assertThat(stdout()).startsWith("Rollout rehearsal: 10,000 visitors, 10 a minute (")
                .contains("candidate on 10 %; helpful 80 % baseline, 72 % candidate; 25 % of answers rated")
                .contains("Rolled back after ")
                .contains("Candidate helpful ")
                .contains("Assignment stable: every visitor, re-assigned from scratch, got the arm that served it.");
    }

    @Test
    void aPlanSummaryTellsTheStepsAndTheEnd() {
        int code = run("--visitors", "20000", "--baseline-helpful", "0.80", "--candidate-helpful", "0.80", "--plan",
                "10,50,100");

        assertThat(code).isZero();
        assertThat(stdout()).contains("rollout plan 10 % → 50 % → 100 %")
                .contains("Step 1 of 3 (10 %): minimums reached and the guard holds; next 50 %.")
                .contains("Step 2 of 3 (50 %): minimums reached and the guard holds; next 100 %.")
                .contains("Not rolled back: the rollout reached 100 %.");
    }

    @Test
    void badArgumentsGiveTheMessageTheUsageAndExitCodeTwo() {
        int code = run("--visitors", "10000", "--baseline-helpful", "0.8", "--candidate-helpful", "0.7", "--split",
                "150");

        assertThat(code).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("--split must be a percentage above 0 and below "
                + "100").contains("Usage: java -jar target/frontline.jar simulate-rollout --visitors N");
    }
}
