package com.frontline.rollouts;

import com.frontline.rollouts.GuardVerdict.Reason;
import com.frontline.rollouts.GuardVerdict.Status;
import com.frontline.rollouts.stats.Alternative;
import com.frontline.rollouts.stats.Difference;
import com.frontline.rollouts.stats.MixtureSprt;
import com.frontline.rollouts.stats.Rate;
import com.frontline.rollouts.stats.Wilson;
import com.frontline.rollouts.stats.ZTest;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the candidate with the baseline over the guard window and decides, in this order:
 * <ol>
 *     <li><b>Errors spike → ROLL_BACK</b>: once both arms have {@code errorMinCalls} calls, the candidate's error
 *     rate is above the floor (2 %) and above the baseline's, and the one-sided sequential test says it is
 *     significantly higher (always-valid p ≤ α). A broken candidate is caught on its first calls, before any
 *     rating comes in.</li>
 *     <li><b>Not enough sample → HOLD</b>: no verdict on the metric before each arm has {@code minSample} of its
 *     sample.</li>
 *     <li><b>Metric drop → ROLL_BACK</b>: the candidate is worse than the baseline by more than the threshold (5 %
 *     relative) and the one-sided sequential test says it is significantly worse (always-valid p ≤ α).</li>
 *     <li>Otherwise <b>OK</b>.</li>
 * </ol>
 * The sequential tests ({@link MixtureSprt}) keep their running minimum in {@link GuardState}, so the guard can
 * look every minute without the false alarms a z-test looked at as often would raise; "significant" means at or
 * below the window's share of α ({@link GuardConfig#window}), so that over a whole step an equal candidate is rolled
 * back with a chance of at most α. Stateless otherwise: construct once per configuration.
 */
public final class Guard {

    private final GuardConfig config;
    private final MixtureSprt metricTest;
    private final MixtureSprt errorTest;

    public Guard(GuardConfig config) {
        this.config = config;
        this.metricTest = new MixtureSprt(config.mixingSd(),
                config.metric().higherIsBetter() ? Alternative.LESS : Alternative.GREATER);
        this.errorTest = new MixtureSprt(config.mixingSd(), Alternative.GREATER, config.errorFloor()).conservative();
    }

    public GuardConfig config() {
        return config;
    }

    /**
     * One look.
     *
     * @param candidate the candidate's counts from the window's start to now
     * @param baseline  the baseline's counts over the same window
     * @param window    the window ({@link GuardConfig#window}): where it starts and the level it may spend
     * @param previous  the state the previous look returned, or null for the first look
     */
    public GuardVerdict evaluate(ArmCounts candidate, ArmCounts baseline, GuardWindow window,
                                 @Nullable GuardState previous) {
        Instant windowFrom = window.from();
        double level = window.level();
        GuardState before = previous == null || !previous.windowFrom().equals(windowFrom)
                ? GuardState.start(windowFrom) : previous;
        GuardMetric metric = config.metric();
        Rate candRate = metric.rate(candidate);
        Rate baseRate = metric.rate(baseline);
        Rate candErrors = GuardMetric.ERROR_RATE.rate(candidate);
        Rate baseErrors = GuardMetric.ERROR_RATE.rate(baseline);

        boolean metricSample = candRate.count() >= config.minSample() && baseRate.count() >= config.minSample();
        boolean errorSample = candErrors.count() >= config.errorMinCalls()
                && baseErrors.count() >= config.errorMinCalls();
        double metricP = metricSample ? metricTest.update(before.metricP(), candRate, baseRate) : before.metricP();
        double errorP = errorSample ? errorTest.update(before.errorP(), candErrors, baseErrors) : before.errorP();
        GuardState state = new GuardState(windowFrom, metricP, errorP);

        List<Comparison> comparisons = new ArrayList<>();
        Comparison metricComparison = null;
        Comparison errorComparison = null;
        for (GuardMetric m : GuardMetric.values()) {
            Double p = m == metric ? Double.valueOf(metricP) : m == GuardMetric.ERROR_RATE ? errorP : null;
            Comparison c = compare(m, m.rate(candidate), m.rate(baseline), p);
            if (c != null) {
                comparisons.add(c);
                metricComparison = m == metric ? c : metricComparison;
                errorComparison = m == GuardMetric.ERROR_RATE ? c : errorComparison;
            }
        }

        if (errorSample && errorComparison != null && candErrors.value() > config.errorFloor()
                && candErrors.value() > baseErrors.value() && errorP <= level) {
            return new GuardVerdict(Status.ROLL_BACK, Reason.ERROR_SPIKE, errorWords(errorComparison, errorP), metric,
                    errorComparison, null, comparisons, state);
        }
        if (!metricSample || metricComparison == null) {
            return new GuardVerdict(Status.HOLD, Reason.NOT_ENOUGH_SAMPLE, holdWords(candRate, baseRate), metric,
                    metricComparison, null, comparisons, state);
        }
        double worse = metricComparison.relativeWorsening();
        boolean significant = metricP <= level;
        if (worse > config.relativeDrop() && significant) {
            return new GuardVerdict(Status.ROLL_BACK, Reason.METRIC_DROP,
                    metricWords(metricComparison, metricP, "significant", "rolled back"), metric, metricComparison,
                    null, comparisons, state);
        }
        String judgement;
        if (worse > config.relativeDrop()) {
            judgement = "not yet significant";
        } else if (significant && worse > 0) {
            judgement = "significant but within the " + Words.relative(config.relativeDrop()) + " threshold";
        } else {
            judgement = worse > 0 ? "not significant" : "no drop";
        }
        String concern = null;
        if (worse > config.relativeDrop()) {
            concern = "the candidate's " + metric.label() + " looks " + Words.relative(worse) + " worse, more than the "
                    + Words.relative(config.relativeDrop()) + " threshold, though not significantly yet";
        } else if (errorComparison != null && candErrors.value() > config.errorFloor()
                && candErrors.value() > baseErrors.value()) {
            concern = "the candidate's errors (" + Words.percent(candErrors.value()) + ") are above the "
                    + Words.percent(config.errorFloor()) + " floor and the baseline's, though not significantly yet";
        }
        return new GuardVerdict(Status.OK, Reason.NONE, metricWords(metricComparison, metricP, judgement, "holds"),
                metric, metricComparison, concern, comparisons, state);
    }

    private @Nullable Comparison compare(GuardMetric metric, Rate candidate, Rate baseline, @Nullable Double p) {
        if (candidate.isEmpty() || baseline.isEmpty()) {
            return null;
        }
        double confidence = 1 - config.level();
        double base = baseline.value();
        return new Comparison(metric, candidate, Wilson.interval(candidate, confidence), baseline,
                Wilson.interval(baseline, confidence), base == 0 ? Double.NaN : (candidate.value() - base) / base,
                Difference.newcombe(candidate, baseline, confidence), ZTest.pooled(candidate, baseline).pTwoSided(),
                p);
    }

    /** "Candidate helpful 71 % [68–74] vs baseline 80 % [79–81]: 11 % lower, significant (always-valid p = 0.003): rolled back." */
    private static String metricWords(Comparison c, double p, String judgement, String outcome) {
        double change = c.relativeChange();
        String direction = Double.isNaN(change) ? "up from none"
                : Words.relative(change) + (change < 0 ? " lower" : change > 0 ? " higher" : " apart");
        if (!Double.isNaN(change) && Math.abs(change) < 0.0005) {
            direction = "no different";
        }
        return "Candidate " + c.metric().label() + " " + candidateRate(c)
                + " vs baseline " + baselineRate(c) + ": " + direction + ", " + judgement
                + " (always-valid " + Words.p(p) + "): " + outcome + ".";
    }

    private String errorWords(Comparison c, double p) {
        return "Candidate errors " + candidateRate(c) + " of " + Words.count(c.candidate().count())
                + " calls vs baseline " + baselineRate(c) + ": above the "
                + Words.percent(config.errorFloor()) + " floor, significant (always-valid " + Words.p(p)
                + "): rolled back.";
    }

    private String holdWords(Rate candidate, Rate baseline) {
        if (baseline.isEmpty() && !candidate.isEmpty()) {
            return "No verdict: the baseline has no " + config.metric().sample()
                    + " in the window, so there is nothing to compare the candidate with.";
        }
        long need = config.minSample();
        String sample = config.metric().sample();
        String have;
        if (candidate.count() < need && baseline.count() < need) {
            have = "the candidate has " + Words.count(candidate.count()) + ", the baseline "
                    + Words.count(baseline.count());
        } else if (candidate.count() < need) {
            have = "the candidate has " + Words.count(candidate.count());
        } else {
            have = "the baseline has " + Words.count(baseline.count());
        }
        return "No verdict before the minimum sample of " + Words.count(need) + " " + sample + " per arm: " + have
                + ".";
    }

    private static String candidateRate(Comparison c) {
        return Words.percent(c.candidate().value()) + " " + Words.interval(c.candidate().value(),
                c.candidateInterval());
    }

    private static String baselineRate(Comparison c) {
        return Words.percent(c.baseline().value()) + " " + Words.interval(c.baseline().value(), c.baselineInterval());
    }
}
