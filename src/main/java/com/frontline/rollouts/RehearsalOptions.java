package com.frontline.rollouts;

import com.frontline.shared.CommandArguments;
import com.frontline.shared.CommandArguments.UsageException;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The arguments of {@code simulate-rollout}, parsed. Options take their value as the next argument or after '='.
 *
 * @param split       the candidate's share in percent, as given (10, 12.5); with a plan, its first step
 * @param planPercent the plan's steps in percent, or null for a fixed split
 */
public record RehearsalOptions(int visitors, double baselineHelpful, double candidateHelpful, BigDecimal split,
                               @Nullable List<BigDecimal> planPercent, boolean json, long seed, double ratingRate,
                               int perMinute, double baselineErrors, double candidateErrors) {

    public static final String USAGE = """
            Usage: java -jar target/frontline.jar simulate-rollout --visitors N --baseline-helpful P
                       --candidate-helpful Q [--split PCT] [--json]
                       [--plan PCT,PCT,...] [--seed S] [--rating-rate R] [--per-minute M]
                       [--baseline-errors E] [--candidate-errors E]

            Rehearses a rollout with N synthetic visitors on a simulated clock, through the real assignment, rollout
            plan and guard code: each visitor gets an arm by the hash of (workspace, experiment, visitor), has a
            conversation of about two answers, rates each answer with probability R, and finds it helpful with
            probability P on the baseline or Q on the candidate; the guard compares the arms every simulated
            minute and rolls the candidate back when its helpful rate drops significantly by more than 5 % or its
            errors spike. Starts no database and no server.

              --visitors N           visitors to simulate (1 to 10,000,000)
              --baseline-helpful P   the baseline's helpful rate: a share from 0 to 1 (0.8) or a percentage (80%)
              --candidate-helpful Q  the candidate's helpful rate, the same way
              --split PCT            the candidate's share of visitors in percent, above 0 and below 100 (default 10)
              --json                 print one JSON object with exactly: visitors, split, candidate_share,
                                     rolled_back, visitors_until_rollback, assignment_stable
              --plan PCT,PCT,...     a gradual rollout instead of a fixed split: steps in percent ending at 100
                                     (10,50,100), each at least an hour, 200 candidate visitors and 100 rated answers
              --seed S               the random seed (default 42): the same seed gives the same run anywhere
              --rating-rate R        the share of answers rated (default 0.25)
              --per-minute M         visitors arriving per simulated minute (default 10)
              --baseline-errors E    the share of the baseline's provider calls that fail (default 0.01)
              --candidate-errors E   the same for the candidate (default 0.01)

            candidate_share is the fraction of the visitors up to the rollback (all of them without one) that the
            candidate served; visitors_until_rollback is null when the guard did not roll back.
            Exit status: 0 done, 1 the run failed, 2 bad arguments.
            """;

    static final int MAX_VISITORS = 10_000_000;

    public static RehearsalOptions parse(List<String> args) {
        Integer visitors = null;
        Double baseline = null;
        Double candidate = null;
        BigDecimal split = null;
        List<BigDecimal> plan = null;
        boolean json = false;
        long seed = 42;
        double ratingRate = 0.25;
        int perMinute = 10;
        double baselineErrors = 0.01;
        double candidateErrors = 0.01;
        var parsed = CommandArguments.parse(args, Set.of("--json"), Set.of("--visitors", "--baseline-helpful",
                "--candidate-helpful", "--split", "--plan", "--seed", "--rating-rate", "--per-minute",
                "--baseline-errors", "--candidate-errors"));
        if (!parsed.spring().isEmpty()) {
            throw new UsageException("Unknown argument: " + parsed.spring().getFirst()
                    + " (simulate-rollout starts no application, so it takes no settings)");
        }
        for (CommandArguments.Option option : parsed.options()) {
            String name = option.name();
            String value = option.value();
            switch (name) {
                case "--json" -> json = true;
                case "--visitors" -> {
                    visitors = CommandArguments.positive(name, value);
                    if (visitors > MAX_VISITORS) {
                        throw new UsageException("--visitors must be at most 10,000,000, not " + value);
                    }
                }
                case "--baseline-helpful" -> baseline = share(name, value);
                case "--candidate-helpful" -> candidate = share(name, value);
                case "--split" -> split = splitPercent(value);
                case "--plan" -> plan = plan(value);
                case "--seed" -> seed = seed(value);
                case "--rating-rate" -> ratingRate = share(name, value);
                case "--per-minute" -> {
                    perMinute = CommandArguments.positive(name, value);
                    if (perMinute > 100_000) {
                        throw new UsageException("--per-minute must be at most 100,000, not " + value);
                    }
                }
                case "--baseline-errors" -> baselineErrors = share(name, value);
                default -> candidateErrors = share(name, value);
            }
        }
        if (visitors == null) {
            throw new UsageException("--visitors is required");
        }
        if (baseline == null) {
            throw new UsageException("--baseline-helpful is required");
        }
        if (candidate == null) {
            throw new UsageException("--candidate-helpful is required");
        }
        if (plan != null && split != null) {
            throw new UsageException("--split and --plan exclude each other: a plan's first step is its split");
        }
        if (plan != null) {
            split = plan.getFirst();
        } else if (split == null) {
            split = BigDecimal.TEN;
        }
        return new RehearsalOptions(visitors, baseline, candidate, split, plan, json, seed, ratingRate, perMinute,
                baselineErrors, candidateErrors);
    }

    /** The candidate's share in basis points. */
    public int splitBasisPoints() {
        return basisPoints(split);
    }

    /** A share from 0 to 1, or a percentage from 0 to 100 when it ends in %. */
    static double share(String name, String value) {
        String v = value.strip();
        boolean percent = v.endsWith("%");
        try {
            double number = Double.parseDouble(percent ? v.substring(0, v.length() - 1).strip() : v);
            double share = percent ? number / 100 : number;
            if (share >= 0 && share <= 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a share from 0 to 1 (0.8) or a percentage from 0% to 100% (80%), "
                + "not '" + value + "'");
    }

    /** A percentage above 0 and below 100 with at most two decimals; a trailing % is allowed. */
    static BigDecimal splitPercent(String value) {
        BigDecimal p = percent(value);
        if (p == null || p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) >= 0 || p.scale() > 2) {
            throw new UsageException("--split must be a percentage above 0 and below 100 with at most two decimals "
                    + "(10 or 12.5), not '" + value + "'");
        }
        return p;
    }

    static List<BigDecimal> plan(String value) {
        List<BigDecimal> steps = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            BigDecimal p = percent(part);
            if (p == null || p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0 || p.scale() > 2) {
                throw new UsageException("--plan takes percentages above 0 and at most 100, separated by commas "
                        + "(10,50,100), not '" + value + "'");
            }
            steps.add(p);
        }
        try {
            toPlan(steps);
        } catch (InvalidPlanException e) {
            throw new UsageException("--plan: " + e.getMessage());
        }
        return List.copyOf(steps);
    }

    /** The plan of the given steps with the default minimums, advancing by itself. */
    static RolloutPlan toPlan(List<BigDecimal> percents) {
        return new RolloutPlan(percents.stream().map(p -> PlanStep.of(basisPoints(p))).toList(),
                RolloutPlan.Mode.AUTOMATIC);
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a whole number, not '" + value + "'");
        }
    }

    private static @Nullable BigDecimal percent(String value) {
        String v = value.strip();
        if (v.endsWith("%")) {
            v = v.substring(0, v.length() - 1).strip();
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static int basisPoints(BigDecimal percent) {
        return percent.movePointRight(2).intValueExact();
    }
}
