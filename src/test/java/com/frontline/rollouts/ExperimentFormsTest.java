package com.frontline.rollouts;

import com.frontline.rollouts.ExperimentForm.ArmForm;
import com.frontline.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What {@link Rollouts#create} refuses before touching anything, field by field; the workspace has v1–v4, v3 live. */
class ExperimentFormsTest {

    private static final Set<Integer> VERSIONS = Set.of(1, 2, 3, 4);
    private static final int LIVE = 3;

    private static ExperimentForm rollout(Integer candidate, List<String> steps) {
        return new ExperimentForm("Claude for complex questions", ExperimentKind.ROLLOUT, candidate, List.of(), steps,
                null, null, null, null, true);
    }

    private static ExperimentForm ab(ArmForm... arms) {
        return new ExperimentForm("Tone test", ExperimentKind.AB, null, List.of(arms), List.of(), null, null, null,
                null, false);
    }

    private static Map<String, String> errors(ExperimentForm form) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> ExperimentForms.check(form, LIVE, VERSIONS));
        assertThat(e).as("refused").isNotNull();
        return e.errors();
    }

    @Test
    void aRolloutWithDefaultsRollsTheCandidateOutAgainstTheLiveVersion() {
        ExperimentForms.Checked c = ExperimentForms.check(rollout(4, List.of()), LIVE, VERSIONS);

        assertThat(c.baselineVersion()).isEqualTo(3);
        assertThat(c.bucketOrder()).containsExactly(new ExperimentArm("candidate", 4, 0),
                new ExperimentArm("baseline", 3, 10_000));
        assertThat(c.plan()).extracting(PlanStep::candidateBasisPoints).containsExactly(1000, 5000, 10_000);
        assertThat(c.plan()).allSatisfy(s -> {
            assertThat(s.minDuration()).isEqualTo(Duration.ofMinutes(60));
            assertThat(s.minSample()).isEqualTo(100);
        });
        assertThat(c.guard()).isEqualTo(new GuardSettings("helpful", 0.05, 0.05, Duration.ofHours(24), 100, true));
    }

    @Test
    void readsTheGuardSettingsAsPeopleWriteThem() {
        ExperimentForm form = new ExperimentForm("  Many   spaces ", ExperimentKind.ROLLOUT, 4, List.of(),
                List.of("12.5", "50 %", "100"), "90", "1,000", "2,5", "0.01", false);
        ExperimentForms.Checked c = ExperimentForms.check(form, LIVE, VERSIONS);

        assertThat(c.name()).isEqualTo("Many spaces");
        assertThat(c.plan()).extracting(PlanStep::candidateBasisPoints).containsExactly(1250, 5000, 10_000);
        assertThat(c.plan().getFirst().minDuration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(c.guard().minSample()).isEqualTo(1000);
        assertThat(c.guard().relativeDrop()).isEqualTo(0.025);
        assertThat(c.guard().alpha()).isEqualTo(0.01);
        assertThat(c.guard().autoAdvance()).isFalse();
    }

    @Test
    void aRolloutNeedsACandidateOfTheWorkspaceThatIsNotLive() {
        assertThat(errors(rollout(null, List.of()))).containsOnlyKeys("candidateVersion")
                .containsEntry("candidateVersion", "Choose the version to roll out.");
        assertThat(errors(rollout(7, List.of()))).containsEntry("candidateVersion",
                "This workspace has no version 7.");
        assertThat(errors(rollout(3, List.of())).get("candidateVersion"))
                .startsWith("Version 3 is live already, so there is no baseline to roll it out against");
        // a workspace with one version has no baseline for any candidate
        InvalidInputException only = catchThrowableOfType(InvalidInputException.class,
                () -> ExperimentForms.check(rollout(1, List.of()), 1, Set.of(1)));
        assertThat(only.errors().get("candidateVersion")).endsWith("after publishing one on the Versions page.");
    }

    @Test
    void stepsMustGrowAndEndAtOneHundredAfterAStepBelowIt() {
        assertThat(errors(rollout(4, List.of("50", "10", "100")))).containsEntry("steps",
                "Each step must give the candidate more than the one before: 10 % follows 50 %.");
        assertThat(errors(rollout(4, List.of("10", "50")))).containsEntry("steps",
                "A rollout ends with the candidate on 100 %; the last step gives it 50 %.");
        assertThat(errors(rollout(4, List.of("100")))).containsOnlyKeys("steps");
        assertThat(errors(rollout(4, List.of("ten", "100"))).get("steps")).startsWith("“ten” is not a percentage");
        assertThat(errors(rollout(4, List.of("10.125", "100")))).containsKey("steps");
        assertThat(errors(rollout(4, List.of("0", "100")))).containsKey("steps");
        assertThat(errors(rollout(4, List.of("120")))).containsKey("steps");
    }

    @Test
    void outOfRangeNumbersAreRefusedEachAtItsField() {
        ExperimentForm form = new ExperimentForm("", ExperimentKind.ROLLOUT, 4, List.of(), List.of(), "-5", "3",
                "80", "0.5", true);
        assertThat(errors(form)).containsOnlyKeys("name", "minDuration", "minSample", "relativeDrop", "alpha");

        ExperimentForm words = new ExperimentForm("x".repeat(121), ExperimentKind.ROLLOUT, 4, List.of(), List.of(),
                "an hour", "lots", "five", "low", true);
        assertThat(errors(words)).containsOnlyKeys("name", "minDuration", "minSample", "relativeDrop", "alpha");
        assertThat(errors(words).get("name")).isEqualTo("Keep the name to 120 characters (this one has 121).");
    }

    @Test
    void anAbSplitMustSumToOneHundredAndIncludeTheLiveVersion() {
        ExperimentForms.Checked ok = ExperimentForms.check(ab(new ArmForm(3, "50"), new ArmForm(4, "30"),
                new ArmForm(2, "20")), LIVE, VERSIONS);
        assertThat(ok.bucketOrder()).containsExactly(new ExperimentArm("baseline", 3, 5000),
                new ExperimentArm("b", 4, 3000), new ExperimentArm("c", 2, 2000));
        assertThat(ok.plan()).isEmpty();

        assertThat(errors(ab(new ArmForm(3, "50"), new ArmForm(4, "40")))).containsEntry("arms",
                "The shares add up to 90 %, not 100 %: give the missing 10 % so that every visitor has an arm.");
        assertThat(errors(ab(new ArmForm(3, "60"), new ArmForm(4, "60"))).get("arms"))
                .startsWith("The shares add up to 120 %");
        assertThat(errors(ab(new ArmForm(4, "50"), new ArmForm(2, "50")))).containsEntry("arms",
                "One arm must be the live version, v3: it is the baseline the other arms are compared with.");
        assertThat(errors(ab(new ArmForm(3, "50"), new ArmForm(9, "50")))).containsEntry("arms",
                "This workspace has no version 9.");
        assertThat(errors(ab(new ArmForm(3, "50"), new ArmForm(3, "50")))).containsEntry("arms",
                "Version 3 appears twice; give each version one arm.");
        assertThat(errors(ab(new ArmForm(3, "100"), new ArmForm(4, "0")))).containsEntry("arms",
                "Give v4 a share above 0 %, or leave the arm out.");
        assertThat(errors(ab(new ArmForm(3, "100")))).containsKey("arms");
        assertThat(errors(ab(new ArmForm(3, "50"), new ArmForm(null, "50")))).containsEntry("arms",
                "Choose a version for every arm.");
        assertThat(errors(ab(new ArmForm(3, "half"), new ArmForm(4, "50"))).get("arms"))
                .startsWith("Write the share of v3 as a percentage");
    }

    @Test
    void emptyArmRowsOfTheFormAreLeftOut() {
        ExperimentForms.Checked ok = ExperimentForms.check(ab(new ArmForm(3, "90"), new ArmForm(null, " "),
                new ArmForm(4, "10")), LIVE, VERSIONS);
        assertThat(ok.bucketOrder()).extracting(ExperimentArm::version).containsExactly(3, 4);
    }
}
