package com.frontline.rollouts;

import com.frontline.rollouts.stats.Interval;

import java.time.Duration;
import java.util.Locale;

/** Numbers as the verdicts write them: "71 %", "[68–74]", "p = 0.003", "1 h 40 min". */
final class Words {

    private Words() {
    }

    /** A rate in percent: whole percents from 10 % up, one decimal below ("1.2 %"). */
    static String percent(double share) {
        return number(share) + " %";
    }

    /** An interval in the same precision as {@code share}: "[68–74]". */
    static String interval(double share, Interval i) {
        return "[" + number(i.lower(), share) + "–" + number(i.upper(), share) + "]";
    }

    /** A relative change without its sign: "11 %". */
    static String relative(double change) {
        double abs = Math.abs(change) * 100;
        return (abs < 1 && abs > 0 ? String.format(Locale.ROOT, "%.1f", abs) : String.format(Locale.ROOT, "%.0f", abs))
                + " %";
    }

    /** "p = 0.62", "p = 0.003", "p < 0.001". */
    static String p(double p) {
        if (p < 0.001) {
            return "p < 0.001";
        }
        if (p >= 1) {
            return "p = 1";
        }
        return "p = " + (p < 0.01 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.2f", p));
    }

    /** "45 min", "2 h", "1 h 40 min", "3 d 2 h". */
    static String duration(Duration d) {
        long minutes = Math.max(0, (d.toSeconds() + 59) / 60);
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }

    /** "1,204". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String number(double share) {
        return number(share, share);
    }

    private static String number(double share, double precisionOf) {
        double pct = share * 100;
        return precisionOf * 100 < 9.95 ? String.format(Locale.ROOT, "%.1f", pct) : String.format(Locale.ROOT, "%.0f",
                pct);
    }
}
