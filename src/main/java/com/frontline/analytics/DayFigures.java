package com.frontline.analytics;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One UTC day (one channel, or all) of a workspace's conversations and answers.
 *
 * @param conversations    conversations started that day
 * @param customerMessages customer messages sent that day
 * @param deflected        of the conversations, those resolved without a person
 * @param handoffs         of the conversations, those handed to a person
 * @param responded        of the handoffs, those a person replied to
 * @param responseBuckets  the histogram of those first replies' times ({@link ResponseTimes})
 * @param answers          assistant answers (small talk and clarifying questions left out)
 * @param rated            of the answers, those rated 👍 or 👎
 * @param helpful          of the answers, those rated 👍
 * @param fallbacks        of the answers, those given with low confidence
 * @param implicitCount    of the answers, those with an implicit score
 * @param implicitSum      the sum of those scores (0–1 each)
 */
public record DayFigures(LocalDate day, int conversations, int customerMessages, int deflected, int handoffs,
                         int responded, int[] responseBuckets, int answers, int rated, int helpful, int fallbacks,
                         int implicitCount, double implicitSum) {

    public DayFigures {
        responseBuckets = Arrays.copyOf(responseBuckets, ResponseTimes.BUCKETS);
    }

    static DayFigures none(LocalDate day) {
        return new DayFigures(day, 0, 0, 0, 0, 0, new int[ResponseTimes.BUCKETS], 0, 0, 0, 0, 0, 0);
    }

    /** The two added up (same day). */
    DayFigures plus(DayFigures o) {
        int[] buckets = responseBuckets.clone();
        ResponseTimes.add(buckets, o.responseBuckets);
        return new DayFigures(day, conversations + o.conversations, customerMessages + o.customerMessages,
                deflected + o.deflected, handoffs + o.handoffs, responded + o.responded, buckets, answers + o.answers,
                rated + o.rated, helpful + o.helpful, fallbacks + o.fallbacks, implicitCount + o.implicitCount,
                implicitSum + o.implicitSum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DayFigures d && day.equals(d.day) && conversations == d.conversations
                && customerMessages == d.customerMessages && deflected == d.deflected && handoffs == d.handoffs
                && responded == d.responded && Arrays.equals(responseBuckets, d.responseBuckets)
                && answers == d.answers && rated == d.rated && helpful == d.helpful && fallbacks == d.fallbacks
                && implicitCount == d.implicitCount && Math.abs(implicitSum - d.implicitSum) < 1e-6;
    }

    @Override
    public int hashCode() {
        return day.hashCode() * 31 + conversations;
    }

    @Override
    public String toString() {
        return "DayFigures[" + day + ": conversations=" + conversations + ", customerMessages=" + customerMessages
                + ", deflected=" + deflected + ", handoffs=" + handoffs + ", responded=" + responded + ", buckets="
                + Arrays.toString(responseBuckets) + ", answers=" + answers + ", rated=" + rated + ", helpful="
                + helpful + ", fallbacks=" + fallbacks + ", implicit=" + implicitCount + "/" + implicitSum + "]";
    }
}
