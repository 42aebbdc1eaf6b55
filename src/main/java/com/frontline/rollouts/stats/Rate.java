package com.frontline.rollouts.stats;

/**
 * {@code n} observations between 0 and 1 and their sum: a proportion (👍 of rated answers, errors of calls) when each
 * observation is 0 or 1, or a mean of bounded scores (implicit satisfaction) otherwise. For a mean of scores in
 * [0, 1], {@code m(1 − m)} is the largest variance its values can have (Bhatia–Davis), so the methods here that take a
 * proportion's variance stay valid, if conservative, for such means.
 *
 * @param sum   the successes, or the sum of the scores
 * @param count the observations
 */
public record Rate(double sum, long count) {

    public static final Rate EMPTY = new Rate(0, 0);

    public Rate {
        if (count < 0 || Double.isNaN(sum) || sum < 0 || sum > count) {
            throw new IllegalArgumentException("a rate needs 0 <= sum <= count and count >= 0, not " + sum + " of "
                    + count);
        }
    }

    /** {@code successes} of {@code trials}. */
    public static Rate of(long successes, long trials) {
        return new Rate(successes, trials);
    }

    /** The share, or NaN without observations. */
    public double value() {
        return count == 0 ? Double.NaN : sum / count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public Rate plus(Rate other) {
        return new Rate(sum + other.sum, count + other.count);
    }
}
