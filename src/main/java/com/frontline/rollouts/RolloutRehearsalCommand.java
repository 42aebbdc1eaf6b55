package com.frontline.rollouts;

import com.frontline.rollouts.simulation.Outcome;
import com.frontline.rollouts.simulation.RolloutSimulation;
import com.frontline.rollouts.simulation.Scenario;
import com.frontline.rollouts.simulation.VisitorModel;
import com.frontline.shared.CommandArguments.UsageException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar frontline.jar simulate-rollout --visitors N --baseline-helpful P --candidate-helpful Q
 * [--split PCT] [--json]}: a rollout rehearsal (see {@link RehearsalOptions#USAGE}). Pure computation: it starts no
 * Spring context, database or search node, so it answers in about a second.
 */
public final class RolloutRehearsalCommand {

    public static final String NAME = "simulate-rollout";

    /** Exit codes, as the other commands'. */
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_ARGUMENTS = 2;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RolloutRehearsalCommand() {
    }

    /** Runs the command with the arguments after its name and returns the process exit code. */
    public static int run(List<String> args) {
        return run(args, System.out, System.err);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        RehearsalOptions options;
        try {
            options = RehearsalOptions.parse(args);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println();
            err.print(RehearsalOptions.USAGE);
            return BAD_ARGUMENTS;
        }
        try {
            Outcome outcome = RolloutSimulation.run(scenario(options));
            out.print(options.json() ? json(options, outcome) + System.lineSeparator() : summary(options, outcome));
            out.flush();
            return OK;
        } catch (RuntimeException e) {
            err.println(NAME + " failed: " + e);
            return FAILED;
        }
    }

    static Scenario scenario(RehearsalOptions o) {
        VisitorModel model = new VisitorModel(o.baselineHelpful(), o.candidateHelpful(), o.ratingRate(), 2.0,
                o.baselineErrors(), o.candidateErrors());
        RolloutPlan plan = o.planPercent() == null ? null : RehearsalOptions.toPlan(o.planPercent());
        return new Scenario(o.visitors(), o.perMinute(), model, plan == null ? o.splitBasisPoints() : 0, plan,
                GuardConfig.DEFAULTS, o.seed(), false);
    }

    /** Exactly {@code visitors, split, candidate_share, rolled_back, visitors_until_rollback, assignment_stable}. */
    static String json(RehearsalOptions options, Outcome outcome) {
        Map<String, @Nullable Object> line = new LinkedHashMap<>();
        line.put("visitors", options.visitors());
        line.put("split", options.split());
        line.put("candidate_share", BigDecimal.valueOf(outcome.candidateShare()).setScale(4, RoundingMode.HALF_UP)
                .stripTrailingZeros());
        line.put("rolled_back", outcome.rolledBack());
        line.put("visitors_until_rollback", outcome.visitorsUntilRollback());
        line.put("assignment_stable", outcome.assignmentStable());
        return JSON.writeValueAsString(line);
    }

    static String summary(RehearsalOptions o, Outcome outcome) {
        StringBuilder s = new StringBuilder();
        String n = System.lineSeparator();
        s.append("Rollout rehearsal: ").append(Words.count(o.visitors())).append(" visitors, ")
                .append(Words.count(o.perMinute())).append(" a minute (")
                .append(Words.duration(Duration.ofMinutes(outcome.minutes()))).append(" simulated), seed ")
                .append(o.seed()).append(n);
        s.append("  ").append(o.planPercent() == null ? "candidate on " + o.split().toPlainString() + " %"
                        : "rollout plan " + String.join(" → ", o.planPercent().stream()
                        .map(p -> p.toPlainString() + " %").toList()))
                .append("; helpful ").append(Words.percent(o.baselineHelpful())).append(" baseline, ")
                .append(Words.percent(o.candidateHelpful())).append(" candidate; ")
                .append(Words.percent(o.ratingRate())).append(" of answers rated; errors ")
                .append(Words.percent(o.baselineErrors())).append(" baseline, ")
                .append(Words.percent(o.candidateErrors())).append(" candidate").append(n);
        for (String event : outcome.events()) {
            s.append("  ").append(event).append(n);
        }
        if (outcome.rolledBack()) {
            s.append("Rolled back after ").append(Words.count(outcome.visitorsUntilRollback())).append(" visitors (")
                    .append(Words.duration(Duration.ofMinutes(outcome.rollbackMinute()))).append(" in).").append(n);
            s.append("The candidate served ").append(String.format(java.util.Locale.ROOT, "%.1f %%",
                            100 * outcome.candidateShare())).append(" of them (")
                    .append(Words.count(outcome.candidateServed())).append(").").append(n);
        } else if (o.planPercent() != null && outcome.finalStep() == o.planPercent().size() - 1) {
            s.append("Not rolled back: the rollout reached 100 %.").append(n);
            s.append("The candidate served ").append(String.format(java.util.Locale.ROOT, "%.1f %%",
                            100 * outcome.candidateShare())).append(" of the visitors (")
                    .append(Words.count(outcome.candidateServed())).append(").").append(n);
        } else {
            s.append("Not rolled back. The guard's last look: ")
                    .append(RolloutSimulation.words(outcome.lastVerdict())).append(n);
            s.append("The candidate served ").append(String.format(java.util.Locale.ROOT, "%.1f %%",
                            100 * outcome.candidateShare())).append(" of the visitors (")
                    .append(Words.count(outcome.candidateServed())).append(").").append(n);
        }
        s.append(outcome.assignmentStable()
                ? "Assignment stable: every visitor, re-assigned from scratch, got the arm that served it."
                : "Assignment NOT stable: re-assigning the visitors gave other arms.").append(n);
        return s.toString();
    }
}
