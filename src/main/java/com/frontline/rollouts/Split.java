package com.frontline.rollouts;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How traffic is divided between arms (A/B or A/B/n): shares in basis points that sum to exactly 10,000 (100 %). The
 * arms' order matters: bucket {@code b} (0–9,999, from {@link Assignment}) goes to the first arm whose cumulative
 * share exceeds {@code b}. A rollout split puts the candidate first, so its buckets are {@code [0, share)}: when its
 * share grows, every visitor already on the candidate stays on it.
 */
public record Split(List<ArmShare> arms) {

    /** 100 % in basis points. */
    public static final int TOTAL = 10_000;

    public Split {
        arms = List.copyOf(arms);
        if (arms.size() < 2) {
            throw new InvalidSplitException("A split needs at least two arms, not " + arms.size() + ".");
        }
        Set<String> seen = new HashSet<>();
        long sum = 0;
        for (ArmShare a : arms) {
            if (!seen.add(a.arm())) {
                throw new InvalidSplitException(a.arm() + " appears twice in the split; each arm once.");
            }
            sum += a.basisPoints();
        }
        if (sum != TOTAL) {
            throw new InvalidSplitException("The shares add up to " + percent(sum) + ", not 100 %: "
                    + (sum < TOTAL ? "give the missing " + percent(TOTAL - sum) : "take away " + percent(sum - TOTAL))
                    + " so that every visitor has an arm.");
        }
    }

    public static Split of(ArmShare... arms) {
        return new Split(List.of(arms));
    }

    /**
     * A rollout's split: the candidate on {@code candidateBasisPoints} (0 after a rollback, 10,000 when complete), the
     * baseline on the rest. The candidate comes first, so that growing its share keeps its visitors.
     */
    public static Split rollout(String baseline, String candidate, int candidateBasisPoints) {
        if (candidateBasisPoints < 0 || candidateBasisPoints > TOTAL) {
            throw new InvalidSplitException("The candidate's share must be from 0 % to 100 %, not "
                    + percent(candidateBasisPoints) + ".");
        }
        return of(new ArmShare(candidate, candidateBasisPoints), new ArmShare(baseline, TOTAL - candidateBasisPoints));
    }

    /** The arm that serves a bucket from 0 to 9,999. */
    public String armFor(int bucket) {
        if (bucket < 0 || bucket >= TOTAL) {
            throw new IllegalArgumentException("a bucket from 0 to 9999, not " + bucket);
        }
        int upTo = 0;
        for (ArmShare a : arms) {
            upTo += a.basisPoints();
            if (bucket < upTo) {
                return a.arm();
            }
        }
        throw new IllegalStateException("the shares sum to 10,000, so every bucket has an arm");
    }

    /** The arm's share in basis points; 0 for an arm not in the split. */
    public int basisPoints(String arm) {
        return arms.stream().filter(a -> a.arm().equals(arm)).mapToInt(ArmShare::basisPoints).findFirst().orElse(0);
    }

    /** "10 %", "12.5 %". */
    static String percent(long basisPoints) {
        return new BigDecimal(basisPoints).movePointLeft(2).stripTrailingZeros().toPlainString() + " %";
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (ArmShare a : arms) {
            s.append(s.isEmpty() ? "" : " / ").append(String.format(Locale.ROOT, "%s %s", a.arm(),
                    percent(a.basisPoints())));
        }
        return s.toString();
    }
}
