package com.frontline.rollouts.web;

import com.frontline.rollouts.ArmMetrics;
import com.frontline.rollouts.GuardSettings;
import com.frontline.rollouts.stats.Alternative;
import com.frontline.rollouts.stats.Difference;
import com.frontline.rollouts.stats.Interval;
import com.frontline.rollouts.stats.MixtureSprt;
import com.frontline.rollouts.stats.ZTest;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An arm's helpful rate against the baseline's, in words: the difference in percentage points with its Newcombe
 * interval, the relative change, and the tests by name: the sequential test the guard decides with (its always-valid
 * p-value of "the arm is worse", from these counts alone: the guard's running minimum can only be lower), and the
 * two-proportion z-test, which is right only when read once. Before each arm has the guard's minimum sample of rated
 * answers there is no verdict, and the page says how far each arm is. The verdict itself is the guard's (the
 * decision on the page), which looks at the guard window with its share of α; these figures are the reading behind it.
 *
 * @param sampleShort null once both arms have the minimum sample; otherwise what is missing, in words
 * @param sequentialP the mixture SPRT's always-valid one-sided p-value that the arm is worse than the baseline
 * @param zTestP      the pooled two-proportion z-test's two-sided p-value
 */
record HelpfulDifference(String arm, String versus, String difference, String interval, String relative,
                         double sequentialP, double zTestP, @Nullable String sampleShort, String words) {

    /** One line per arm after the baseline (the first). */
    static List<HelpfulDifference> of(List<ArmMetrics> metrics, GuardSettings guard) {
        List<HelpfulDifference> out = new ArrayList<>();
        if (metrics.size() < 2) {
            return out;
        }
        ArmMetrics base = metrics.getFirst();
        MixtureSprt worse = new MixtureSprt(guard.config().mixingSd(), Alternative.LESS);
        double confidence = 1 - guard.alpha();
        for (int i = 1; i < metrics.size(); i++) {
            ArmMetrics m = metrics.get(i);
            String name = ArmTable.of(List.of(base, m)).arms().get(1);
            String baseName = "v" + base.version() + " baseline";
            List<String> short_ = new ArrayList<>();
            for (ArmMetrics a : List.of(base, m)) {
                if (a.helpful().count() < guard.minSample()) {
                    short_.add((a == base ? baseName : name) + " has " + ArmTable.count(a.helpful().count()) + " of "
                            + ArmTable.count(guard.minSample()));
                }
            }
            String sampleShort = short_.isEmpty() ? null : "No verdict before the minimum sample of "
                    + ArmTable.count(guard.minSample()) + " rated answers per arm: " + String.join(", ", short_)
                    + ".";
            if (m.helpful().isEmpty() || base.helpful().isEmpty()) {
                out.add(new HelpfulDifference(name, baseName, "–", "–", "–", 1, 1, sampleShort,
                        "No rated answers on " + (m.helpful().isEmpty() ? name : baseName) + " yet."));
                continue;
            }
            double d = m.helpful().value() - base.helpful().value();
            Interval ci = Difference.newcombe(m.helpful(), base.helpful(), confidence);
            double rel = base.helpful().value() == 0 ? Double.NaN : d / base.helpful().value();
            double seqP = worse.pValue(m.helpful(), base.helpful());
            double zP = ZTest.pooled(m.helpful(), base.helpful()).pTwoSided();
            out.add(new HelpfulDifference(name, baseName, points(d),
                    points(ci.lower()) + " to " + points(ci.upper()), Double.isNaN(rel) ? "–" : signed(rel),
                    seqP, zP, sampleShort, sampleShort == null ? "" : sampleShort));
        }
        return out;
    }

    public String sequential() {
        return p(sequentialP);
    }

    public String zTest() {
        return p(zTestP);
    }

    /** "+2.1 points", "−4.0 points". */
    static String points(double d) {
        String s = String.format(Locale.ROOT, "%.1f", Math.abs(d * 100));
        return (d < 0 && !s.equals("0.0") ? "−" : "+") + s + " pt";
    }

    static String signed(double r) {
        String s = String.format(Locale.ROOT, "%.1f %%", Math.abs(r * 100));
        return (r < 0 && !s.startsWith("0.0") ? "−" : "+") + s;
    }

    static String relative(double r) {
        return String.format(Locale.ROOT, "%.1f %%", r * 100).replace(".0 %", " %");
    }

    /** p-values: three decimals, "< 0.001" below. */
    static String p(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
