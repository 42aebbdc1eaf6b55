package com.frontline.rollouts;

import com.frontline.rollouts.simulation.Outcome;
import com.frontline.rollouts.simulation.RolloutSimulation;
import com.frontline.rollouts.simulation.Scenario;
import com.frontline.rollouts.simulation.VisitorModel;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * "With your traffic, a 5 % drop is caught after about N visitors": a few seeded rehearsals of a candidate that is
 * worse by the given share, each run until the guard rolls it back (or a cap), and the median number of visitors
 * that took. The same simulation as {@code simulate-rollout}, so the figure is what the real guard would do with
 * synthetic visitors behaving as described.
 */
public final class Rehearsal {

    /** Rehearsals per estimate; odd, so the median is one of them. */
    public static final int RUNS = 9;
    /** Visitors after which a rehearsal gives up. */
    public static final int CAP = 200_000;

    /**
     * How the workspace's visitors behave.
     *
     * @param visitorsPerMinute how many arrive a minute (only the guard window's reach depends on it)
     * @param ratingRate        the share of answers rated 👍 or 👎
     * @param answersPerVisitor answers in a visitor's conversation, on average (1–10)
     */
    public record Traffic(int visitorsPerMinute, double ratingRate, double answersPerVisitor) {

        public static Traffic withRatingRate(double ratingRate) {
            return new Traffic(10, ratingRate, 2.0);
        }
    }

    /**
     * @param visitors the median visitors until the rollback, or null when fewer than half the rehearsals caught the
     *                 drop within {@link #CAP} visitors
     * @param caught   how many of the {@code runs} rehearsals rolled the candidate back
     */
    public record Estimate(@Nullable Integer visitors, int runs, int caught, String words) {
    }

    private Rehearsal() {
    }

    /**
     * With the default guard and a visitor model of two answers per conversation.
     *
     * @param splitBasisPoints the candidate's share (1,000 = 10 %)
     * @param baselineHelpful  the baseline's helpful rate (0.8)
     * @param relativeDrop     how much worse the candidate is (0.05: helpful 80 % → 76 %)
     * @param ratingRate       the share of answers rated
     */
    public static Estimate visitorsToCatch(int splitBasisPoints, double baselineHelpful, double relativeDrop,
                                           double ratingRate, long seed) {
        return visitorsToCatch(splitBasisPoints, baselineHelpful, relativeDrop, Traffic.withRatingRate(ratingRate),
                GuardConfig.DEFAULTS, seed);
    }

    public static Estimate visitorsToCatch(int splitBasisPoints, double baselineHelpful, double relativeDrop,
                                           Traffic traffic, GuardConfig guard, long seed) {
        if (splitBasisPoints <= 0 || splitBasisPoints >= Split.TOTAL) {
            throw new InvalidPlanException("split", "A rehearsal needs the candidate on more than 0 % and less than "
                    + "100 % of the traffic.");
        }
        if (!(baselineHelpful > 0 && baselineHelpful <= 1)) {
            throw new InvalidPlanException("baselineHelpful", "The baseline's helpful rate must be above 0 % and at "
                    + "most 100 %.");
        }
        if (!(relativeDrop > 0 && relativeDrop < 1)) {
            throw new InvalidPlanException("relativeDrop", "The drop to rehearse must be between 0 % and 100 %.");
        }
        VisitorModel model = new VisitorModel(baselineHelpful, baselineHelpful * (1 - relativeDrop),
                traffic.ratingRate(), traffic.answersPerVisitor(), 0.01, 0.01);
        List<Integer> visitors = new ArrayList<>();
        int caught = 0;
        for (int i = 0; i < RUNS; i++) {
            Outcome o = RolloutSimulation.run(new Scenario(CAP, traffic.visitorsPerMinute(), model, splitBasisPoints,
                    null, guard, seed + i, true));
            if (o.rolledBack()) {
                caught++;
                visitors.add(o.visitorsUntilRollback());
            } else {
                visitors.add(Integer.MAX_VALUE);
            }
        }
        Collections.sort(visitors);
        int median = visitors.get(RUNS / 2);
        String drop = Words.relative(relativeDrop) + " drop";
        if (median == Integer.MAX_VALUE) {
            return new Estimate(null, RUNS, caught, "With your traffic, a " + drop + " is not reliably caught within "
                    + Words.count(CAP) + " visitors (caught in " + caught + " of " + RUNS + " rehearsals).");
        }
        return new Estimate(median, RUNS, caught, "With your traffic, a " + drop + " is caught after about "
                + Words.count(roughly(median)) + " visitors (median of " + RUNS + " rehearsals; caught in " + caught
                + " of " + RUNS + ").");
    }

    /** Two significant digits: 4,287 → 4,300. */
    static long roughly(long n) {
        if (n < 100) {
            return n;
        }
        long unit = (long) Math.pow(10, (long) Math.floor(Math.log10(n)) - 1);
        return Math.round(n / (double) unit) * unit;
    }
}
