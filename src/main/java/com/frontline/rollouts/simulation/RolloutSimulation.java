package com.frontline.rollouts.simulation;

import com.frontline.rollouts.ArmCounts;
import com.frontline.rollouts.Assignment;
import com.frontline.rollouts.Guard;
import com.frontline.rollouts.GuardState;
import com.frontline.rollouts.GuardVerdict;
import com.frontline.rollouts.GuardWindow;
import com.frontline.rollouts.RolloutPlan;
import com.frontline.rollouts.Split;
import com.frontline.rollouts.StepDecision;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Runs a {@link Scenario} minute by minute on a {@link SimulatedClock}: each minute's visitors get their arm from
 * {@link Assignment} under the split in force, talk and rate as the {@link VisitorModel} says, and then the
 * {@link Guard} looks at the window's counts (as the scheduled guard will look at PostgreSQL's), the
 * {@link RolloutPlan} decides whether to advance, and a rollback sends everyone after it to the baseline. Everything
 * random comes from one {@link SplittableRandom} seeded by the scenario, so a seed gives the same run on any JVM.
 * The workspace and experiment are scratch ids derived from the seed; nothing is stored.
 */
public final class RolloutSimulation {

    /** Where simulated time starts. */
    public static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    static final String BASELINE = "baseline";
    static final String CANDIDATE = "candidate";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private RolloutSimulation() {
    }

    public static Outcome run(Scenario s) {
        SplittableRandom random = new SplittableRandom(s.seed());
        TenantId workspace = TenantId.of(uuid("rehearsal-workspace-" + s.seed()));
        UUID experiment = uuid("rehearsal-experiment-" + s.seed());
        SimulatedClock clock = new SimulatedClock(START);
        Guard guard = new Guard(s.guard());
        RolloutPlan plan = s.plan();
        VisitorModel model = s.model();

        List<Split> splits = new ArrayList<>();
        splits.add(Split.rollout(BASELINE, CANDIDATE, s.startBasisPoints()));
        int splitIndex = 0;
        int step = 0;
        Instant stepStart = clock.instant();
        int stepStartMinute = 0;
        GuardState state = null;
        GuardVerdict verdict = null;
        List<String> events = new ArrayList<>();

        // running totals at the start of each minute: cum.get(m) holds minutes 0 .. m-1
        List<ArmCounts> candCum = new ArrayList<>(List.of(ArmCounts.EMPTY));
        List<ArmCounts> baseCum = new ArrayList<>(List.of(ArmCounts.EMPTY));
        boolean[] onCandidate = new boolean[s.visitors()];
        int[] splitOf = new int[s.visitors()];
        Integer untilRollback = null;
        Long rollbackMinute = null;
        int candidateServed = 0;

        int v = 0;
        long minute = 0;
        while (v < s.visitors() && !(s.stopAtRollback() && untilRollback != null)) {
            Tally cand = new Tally();
            Tally base = new Tally();
            for (int k = 0; k < s.visitorsPerMinute() && v < s.visitors(); k++, v++) {
                Split split = splits.get(splitIndex);
                boolean candidate = Assignment.arm(workspace, experiment, visitorKey(v), split).equals(CANDIDATE);
                onCandidate[v] = candidate;
                splitOf[v] = splitIndex;
                if (untilRollback == null && candidate) {
                    candidateServed++;
                }
                (candidate ? cand : base).visit(random, model.ratingRate(), model.answersPerVisitor(),
                        candidate ? model.candidateErrors() : model.baselineErrors(),
                        candidate ? model.candidateHelpful() : model.baselineHelpful());
            }
            candCum.add(candCum.getLast().plus(cand.counts()));
            baseCum.add(baseCum.getLast().plus(base.counts()));
            clock.advance(MINUTE);
            minute++;
            if (untilRollback != null) {
                continue;
            }
            Instant now = clock.instant();
            GuardWindow window = s.guard().window(stepStart, now);
            int fromMinute = (int) Duration.between(START, window.from()).toMinutes();
            int last = candCum.size() - 1;
            verdict = guard.evaluate(candCum.get(last).minus(candCum.get(fromMinute)),
                    baseCum.get(last).minus(baseCum.get(fromMinute)), window, state);
            state = verdict.state();
            if (verdict.rollBack()) {
                untilRollback = v;
                rollbackMinute = minute;
                splits.add(Split.rollout(BASELINE, CANDIDATE, 0));
                splitIndex = splits.size() - 1;
                events.add("minute " + minute + ", after " + v + " visitors: " + verdict.words());
            } else if (plan != null) {
                ArmCounts inStep = candCum.get(last).minus(candCum.get(stepStartMinute));
                StepDecision decision = plan.decide(step, stepStart, inStep, verdict, now);
                if (decision.action() == StepDecision.Action.ADVANCE
                        || decision.action() == StepDecision.Action.AWAIT_APPROVAL) {
                    // a manual plan is advanced by a simulated person pressing the button at once
                    step = plan.advanceByHand(decision, false);
                    splits.add(plan.split(step, BASELINE, CANDIDATE));
                    splitIndex = splits.size() - 1;
                    stepStart = now;
                    stepStartMinute = last;
                    state = null;
                    events.add("minute " + minute + ", after " + v + " visitors: " + decision.words());
                }
            }
        }
        int simulated = v;
        int served = untilRollback == null ? simulated : untilRollback;
        boolean stable = Assignment.matchesReference();
        for (int i = 0; i < simulated && stable; i++) {
            stable = Assignment.arm(workspace, experiment, visitorKey(i), splits.get(splitOf[i])).equals(CANDIDATE)
                    == onCandidate[i];
        }
        return new Outcome(simulated, served, candidateServed, untilRollback, minute, rollbackMinute, stable, step,
                verdict, candCum.getLast(), baseCum.getLast(), events);
    }

    static String visitorKey(int index) {
        return "visitor-" + index;
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** One arm's counts for one minute. */
    private static final class Tally {
        private long visitors;
        private long answers;
        private long rated;
        private long helpful;
        private long fallbacks;
        private long errors;

        void visit(SplittableRandom random, double ratingRate, double answersPerVisitor, double errorRate,
                   double helpfulRate) {
            visitors++;
            double more = 1 - 1 / answersPerVisitor;
            int n = 1;
            while (n < 20 && random.nextDouble() < more) {
                n++;
            }
            for (int i = 0; i < n; i++) {
                answers++;
                if (random.nextDouble() < errorRate) {
                    errors++;
                    fallbacks++;
                } else if (random.nextDouble() < ratingRate) {
                    rated++;
                    if (random.nextDouble() < helpfulRate) {
                        helpful++;
                    }
                }
            }
        }

        ArmCounts counts() {
            return ArmCounts.builder().visitors(visitors).conversations(visitors).answers(answers)
                    .ratings(helpful, rated).fallbacks(fallbacks).calls(answers, errors, 0).build();
        }
    }

    /** For {@link Outcome#lastVerdict()} users: the verdict's words, or a note that the guard never looked. */
    public static String words(@Nullable GuardVerdict verdict) {
        return verdict == null ? "The guard did not look." : verdict.words();
    }
}
