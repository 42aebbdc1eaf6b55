package com.frontline.rollouts.stats;

/**
 * The two-proportion z-test with the pooled variance (NIST/SEMATECH e-Handbook of Statistical Methods, section
 * 7.3.3): under "both rates are equal" the common rate is estimated from both samples together, and
 * {@code z = (p1 − p2) / sqrt(p(1 − p)(1/n1 + 1/n2))}. A fixed-horizon test: its p-value is valid when the sample
 * size was fixed in advance and the data looked at once; for a guard that looks every minute use
 * {@link MixtureSprt}.
 *
 * @param difference {@code p1 − p2}
 * @param z          the statistic; 0 when the pooled variance is 0 (both samples all 0 or all 1)
 * @param pTwoSided  P(|Z| ≥ |z|)
 * @param pLess      P(Z ≤ z): evidence that {@code p1 < p2}
 * @param pGreater   P(Z ≥ z): evidence that {@code p1 > p2}
 */
public record ZTest(double difference, double z, double pTwoSided, double pLess, double pGreater) {

    /**
     * Compares {@code first} with {@code second}.
     *
     * @throws IllegalArgumentException when either sample is empty
     */
    public static ZTest pooled(Rate first, Rate second) {
        if (first.isEmpty() || second.isEmpty()) {
            throw new IllegalArgumentException("the z-test needs observations in both samples");
        }
        double difference = first.value() - second.value();
        double pooled = (first.sum() + second.sum()) / (first.count() + second.count());
        double variance = pooled * (1 - pooled) * (1.0 / first.count() + 1.0 / second.count());
        double z = variance == 0 ? 0 : difference / Math.sqrt(variance);
        return new ZTest(difference, z, Math.min(1, 2 * Normal.upperTail(Math.abs(z))), Normal.cdf(z),
                Normal.upperTail(z));
    }

    /** The p-value for an alternative. */
    public double p(Alternative alternative) {
        return switch (alternative) {
            case TWO_SIDED -> pTwoSided;
            case LESS -> pLess;
            case GREATER -> pGreater;
        };
    }
}
