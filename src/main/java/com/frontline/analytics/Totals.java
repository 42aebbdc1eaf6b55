package com.frontline.analytics;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;

/**
 * A period's figures added up, with the rates the page shows (null where there is nothing to divide by).
 */
public record Totals(int conversations, int customerMessages, int deflected, int handoffs, int responded,
                     int[] responseBuckets, int answers, int rated, int helpful, int fallbacks, int implicitCount,
                     double implicitSum) {

    public Totals {
        responseBuckets = Arrays.copyOf(responseBuckets, ResponseTimes.BUCKETS);
    }

    public static Totals of(List<DayFigures> days) {
        DayFigures sum = DayFigures.none(java.time.LocalDate.EPOCH);
        for (DayFigures d : days) {
            sum = sum.plus(d);
        }
        return new Totals(sum.conversations(), sum.customerMessages(), sum.deflected(), sum.handoffs(),
                sum.responded(), sum.responseBuckets(), sum.answers(), sum.rated(), sum.helpful(), sum.fallbacks(),
                sum.implicitCount(), sum.implicitSum());
    }

    /** Conversations resolved without a person, of all conversations. */
    public @Nullable Double deflectionRate() {
        return ratio(deflected, conversations);
    }

    /** Conversations handed to a person, of all conversations. */
    public @Nullable Double handoffRate() {
        return ratio(handoffs, conversations);
    }

    /** Answers given with low confidence (the assistant fell back), of all answers. */
    public @Nullable Double fallbackRate() {
        return ratio(fallbacks, answers);
    }

    /** Answers rated 👍, of the rated ones. */
    public @Nullable Double helpfulRate() {
        return ratio(helpful, rated);
    }

    /** The mean implicit score (0–1) of the answers that have one. */
    public @Nullable Double implicitSatisfaction() {
        return implicitCount == 0 ? null : implicitSum / implicitCount;
    }

    /** The median time from handoff to a person's first reply, in seconds (from the histogram). */
    public @Nullable Double medianFirstResponseSeconds() {
        return ResponseTimes.median(responseBuckets);
    }

    private static @Nullable Double ratio(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Totals t && conversations == t.conversations && customerMessages == t.customerMessages
                && deflected == t.deflected && handoffs == t.handoffs && responded == t.responded
                && Arrays.equals(responseBuckets, t.responseBuckets) && answers == t.answers && rated == t.rated
                && helpful == t.helpful && fallbacks == t.fallbacks && implicitCount == t.implicitCount
                && Math.abs(implicitSum - t.implicitSum) < 1e-6;
    }

    @Override
    public int hashCode() {
        return conversations * 31 + answers;
    }

    @Override
    public String toString() {
        return "Totals[conversations=" + conversations + ", customerMessages=" + customerMessages + ", deflected="
                + deflected + ", handoffs=" + handoffs + ", responded=" + responded + ", buckets="
                + Arrays.toString(responseBuckets) + ", answers=" + answers + ", rated=" + rated + ", helpful="
                + helpful + ", fallbacks=" + fallbacks + ", implicit=" + implicitCount + "/" + implicitSum + "]";
    }
}
