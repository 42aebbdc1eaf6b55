package com.frontline.rollouts.web;

import com.frontline.rollouts.ArmMetrics;
import com.frontline.rollouts.Decision;
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
 * An arm's helpful rate against the baseline's, over the guard window and since the split started: the difference in
 * percentage points with its Newcombe interval, the relative change, and the tests by name: the sequential test the
 * guard decides with (its always-valid p-value that the arm is worse: the guard's own running value where the
 * decision carries it, else the value of these counts looked at once, which can only be higher), and the
 * two-proportion z-test, right only when read once. Before each arm has the guard's minimum sample of rated answers
 * in the window there is no verdict, and the page says how far each arm is. The verdict itself is the guard's (the
 * decision on the page); these figures are the reading behind it.
 *
 * @param sampleShort null once both arms have the minimum sample in the window; otherwise what is missing, in words
 */
record HelpfulDifference(String arm, String versus, List<Span> spans, @Nullable String sampleShort) {

    /** One span's comparison; "–" where there is nothing to compare yet. */
    record Span(String name, String difference, String interval, String relative, String sequentialP, String zTestP,
                boolean guards) {
    }

    /**
     * @param window  each arm over the guard window, baseline first (may be empty)
     * @param overall each arm since the split started, baseline first
     */
    static List<HelpfulDifference> of(List<ArmMetrics> window, List<ArmMetrics> overall, GuardSettings guard,
                                      @Nullable Decision decision) {
        List<HelpfulDifference> out = new ArrayList<>();
        if (overall.size() < 2) {
            return out;
        }
        MixtureSprt worse = new MixtureSprt(guard.config().mixingSd(), Alternative.LESS);
        double confidence = 1 - guard.alpha();
        List<String> names = ArmTable.of(overall).arms();
        for (int i = 1; i < overall.size(); i++) {
            String name = names.get(i);
            String baseName = names.getFirst();
            List<Span> spans = new ArrayList<>();
            String sampleShort = null;
            if (window.size() == overall.size()) {
                ArmMetrics base = window.getFirst();
                ArmMetrics m = window.get(i);
                List<String> missing = new ArrayList<>();
                if (base.helpful().count() < guard.minSample()) {
                    missing.add(baseName + " has " + ArmTable.count(base.helpful().count()));
                }
                if (m.helpful().count() < guard.minSample()) {
                    missing.add(name + " has " + ArmTable.count(m.helpful().count()));
                }
                if (!missing.isEmpty()) {
                    sampleShort = "No verdict before the minimum sample of " + ArmTable.count(guard.minSample())
                            + " rated answers per arm in the guard window: " + String.join(", ", missing) + ".";
                }
                spans.add(span("Guard window (last " + Labels.INSTANCE.duration(guard.window()) + ")", m, base,
                        worse, confidence, guardP(decision, m.arm()), true));
            }
            spans.add(span("Since the split started", overall.get(i), overall.getFirst(), worse, confidence, null,
                    false));
            out.add(new HelpfulDifference(name, baseName, spans, sampleShort));
        }
        return out;
    }

    private static Span span(String name, ArmMetrics m, ArmMetrics base, MixtureSprt worse, double confidence,
                             @Nullable Double guardP, boolean guards) {
        if (m.helpful().isEmpty() || base.helpful().isEmpty()) {
            return new Span(name, "–", "no rated answers on " + (m.helpful().isEmpty() ? "v" + m.version()
                    : "v" + base.version()) + " yet", "–", "–", "–", guards);
        }
        double d = m.helpful().value() - base.helpful().value();
        Interval ci = Difference.newcombe(m.helpful(), base.helpful(), confidence);
        double rel = base.helpful().value() == 0 ? Double.NaN : d / base.helpful().value();
        double seqP = guardP != null ? guardP : worse.pValue(m.helpful(), base.helpful());
        double zP = ZTest.pooled(m.helpful(), base.helpful()).pTwoSided();
        return new Span(name, points(d), points(ci.lower()) + " to " + points(ci.upper()),
                Double.isNaN(rel) ? "–" : signed(rel), p(seqP), p(zP), guards);
    }

    /** The guard's running always-valid p-value for this arm, when the decision carries it. */
    private static @Nullable Double guardP(@Nullable Decision decision, String arm) {
        if (decision == null || !(decision.numbers().get("always-valid p") instanceof Number p)) {
            return null;
        }
        Object which = decision.numbers().get("arm");
        return which == null || which.toString().equals(arm) ? p.doubleValue() : null;
    }

    /** "+2.1 pt", "−4.0 pt". */
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
