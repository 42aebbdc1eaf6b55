package com.frontline.rollouts.stats;

/**
 * The mixture sequential probability ratio test (mSPRT) for a difference of two rates, after Johari, Koomen,
 * Pekelis and Walsh, "Peeking at A/B tests: why it matters, and what to do about it" (KDD 2017) and "Always valid
 * inference" (Operations Research 70(3), 2022). A fixed-horizon test looked at every minute finds a "significant"
 * difference between equal arms far more often than its level says; this one does not: its always-valid p-value may
 * be read after every new observation, and the chance that it ever falls to α or below when the arms are equal is
 * at most α (Ville's inequality), up to the normal approximation.
 * <p>
 * With {@code x} = treatment rate − control rate and {@code V} = its variance under "no difference" (pooled rate
 * {@code p}: {@code V = p(1 − p)(1/n_t + 1/n_c)}), the likelihood ratio of "the difference is θ" against "it is 0",
 * mixed over θ ~ N(0, τ²), is
 * <pre>  Λ = sqrt(V / (V + τ²)) · exp(x² τ² / (2 V (V + τ²)))</pre>
 * For a one-sided alternative the mixture is the half-normal on that side, which multiplies Λ by
 * {@code 2Φ(∓a)}, {@code a = x τ / sqrt(V (V + τ²))}; under "no difference or the other way" it is still a
 * supermartingale, so the guarantee holds. The always-valid p-value is the running minimum of {@code 1/Λ}: it never
 * increases. The mixing standard deviation τ (in rate units) tunes where the test is most powerful: near effects of
 * about τ; it never affects the guarantee.
 * <p>
 * Rare events (errors at 1 %) make the pooled variance tiny and the normal approximation poor: a couple of errors on
 * little traffic would look decisive. {@code minVarianceRate} puts a floor under the rate the variance is taken at,
 * and {@link #conservative()} takes the larger of the pooled and the unpooled variance (the latter grows with the
 * arm that moved away), which keeps a handful of early errors from tripping the test while a broken arm (half its
 * calls failing) is still found within tens of calls.
 */
public final class MixtureSprt {

    private final double tau;
    private final Alternative alternative;
    private final double minVarianceRate;
    private final double minVariance;
    private final boolean conservative;

    /**
     * @param tau             the mixing standard deviation, in rate units (0.05 = five percentage points)
     * @param alternative     the difference looked for, in {@code treatment − control}
     * @param minVarianceRate the variance is taken at a rate at least this far from 0 and 1 (0 for none)
     */
    public MixtureSprt(double tau, Alternative alternative, double minVarianceRate) {
        this(tau, alternative, minVarianceRate, false);
    }

    private MixtureSprt(double tau, Alternative alternative, double minVarianceRate, boolean conservative) {
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("the mixing standard deviation must be above 0 and at most 1, not "
                    + tau);
        }
        if (!(minVarianceRate >= 0 && minVarianceRate <= 0.5)) {
            throw new IllegalArgumentException("the variance floor rate must be from 0 to 0.5, not " + minVarianceRate);
        }
        this.tau = tau;
        this.alternative = alternative;
        this.minVarianceRate = minVarianceRate;
        this.minVariance = minVarianceRate * (1 - minVarianceRate);
        this.conservative = conservative;
    }

    /** The same test with the variance taken as the larger of the pooled and the unpooled one. */
    public MixtureSprt conservative() {
        return new MixtureSprt(tau, alternative, minVarianceRate, true);
    }

    public MixtureSprt(double tau, Alternative alternative) {
        this(tau, alternative, 0);
    }

    public double tau() {
        return tau;
    }

    public Alternative alternative() {
        return alternative;
    }

    /** ln Λ for the data so far; 0 (no evidence either way) while either arm is empty or neither varies. */
    public double logLikelihoodRatio(Rate treatment, Rate control) {
        if (treatment.isEmpty() || control.isEmpty()) {
            return 0;
        }
        double pooled = (treatment.sum() + control.sum()) / (treatment.count() + control.count());
        double unit = Math.max(pooled * (1 - pooled), minVariance);
        if (unit == 0) {
            return 0;
        }
        double v = unit * (1.0 / treatment.count() + 1.0 / control.count());
        if (conservative) {
            v = Math.max(v, unpooledVariance(treatment, control));
        }
        double x = treatment.value() - control.value();
        double t2 = tau * tau;
        double a = x * tau / Math.sqrt(v * (v + t2));
        double log = 0.5 * Math.log(v / (v + t2)) + a * a / 2;
        return switch (alternative) {
            case TWO_SIDED -> log;
            case LESS -> log + Math.log(2 * Normal.cdf(-a));
            case GREATER -> log + Math.log(2 * Normal.cdf(a));
        };
    }

    /** {@code min(1, 1/Λ)} for the data so far: the always-valid p-value of a test that looks only now. */
    public double pValue(Rate treatment, Rate control) {
        double log = logLikelihoodRatio(treatment, control);
        return log <= 0 ? 1 : Math.exp(-log);
    }

    /**
     * The always-valid p-value after one more look: the smaller of the previous one (1 before the first look) and
     * this look's {@code 1/Λ}. The counts must be cumulative from the same start as the previous looks'.
     */
    public double update(double previous, Rate treatment, Rate control) {
        if (!(previous > 0 && previous <= 1)) {
            throw new IllegalArgumentException("a previous p-value above 0 and at most 1, not " + previous);
        }
        return Math.min(previous, pValue(treatment, control));
    }

    private double unpooledVariance(Rate treatment, Rate control) {
        double p1 = treatment.value();
        double p2 = control.value();
        return Math.max(p1 * (1 - p1), minVariance) / treatment.count()
                + Math.max(p2 * (1 - p2), minVariance) / control.count();
    }

    /**
     * The two-sided always-valid confidence interval (a confidence sequence) for {@code treatment − control}: every
     * θ₀ the two-sided test of "the difference is θ₀" would not reject at level {@code alpha}, with the unpooled
     * variance. The chance that any of the intervals ever computed misses the true difference is at most α.
     */
    public Interval confidenceSequence(Rate treatment, Rate control, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("a level strictly between 0 and 1, not " + alpha);
        }
        if (treatment.isEmpty() || control.isEmpty()) {
            return new Interval(-1, 1);
        }
        double v = unpooledVariance(treatment, control);
        double x = treatment.value() - control.value();
        if (v == 0) {
            return new Interval(x, x);
        }
        double t2 = tau * tau;
        double half = Math.sqrt(2 * v * (v + t2) / t2 * (Math.log(1 / alpha) + 0.5 * Math.log((v + t2) / v)));
        return new Interval(Math.max(-1, x - half), Math.min(1, x + half));
    }
}
