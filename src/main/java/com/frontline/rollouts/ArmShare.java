package com.frontline.rollouts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One arm of a split and its share of the traffic in basis points (1/100 of a percent: 1,000 = 10 %).
 *
 * @param arm the arm's key (an assistant version, "v3"), unique within the split
 */
public record ArmShare(String arm, int basisPoints) {

    public ArmShare {
        if (arm == null || arm.isBlank()) {
            throw new InvalidSplitException("Every arm needs a name.");
        }
        if (basisPoints < 0 || basisPoints > Split.TOTAL) {
            throw new InvalidSplitException("The share of " + arm + " must be from 0 % to 100 %, not "
                    + Split.percent(basisPoints) + ".");
        }
    }

    /** A share given in percent, to at most two decimals (12.5 → 1,250 basis points). */
    public static ArmShare ofPercent(String arm, BigDecimal percent) {
        BigDecimal bp = percent.movePointRight(2);
        try {
            return new ArmShare(arm, bp.setScale(0, RoundingMode.UNNECESSARY).intValueExact());
        } catch (ArithmeticException e) {
            throw new InvalidSplitException("The share of " + arm + " takes at most two decimals (12.5 %), not "
                    + percent.toPlainString() + " %.");
        }
    }

    /** The share as a fraction from 0 to 1. */
    public double fraction() {
        return basisPoints / (double) Split.TOTAL;
    }
}
