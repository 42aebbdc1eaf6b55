package com.frontline.analytics.web;

import com.frontline.analytics.ResponseTimes;
import com.frontline.analytics.Totals;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One figure card of the analytics page (and the dashboard): its value this period, a detail line, and the change
 * from the period before with an arrow and a tone (better, worse or neutral for what the figure measures).
 *
 * @param delta the change ("+12 %", "−3.1 pts", "same"); null when either period has no value
 * @param arrow ↑, ↓ or → ; tone {@code good}, {@code bad} or {@code flat}
 */
public record KeyCard(String id, String title, String value, String detail, @Nullable String delta, String arrow,
                      String tone) {

    /** What a rise means for a figure. */
    enum Better {
        UP, DOWN, NEITHER
    }

    /** The page's cards, this period against the previous one. */
    static List<KeyCard> all(Totals now, Totals before) {
        return List.of(
                count("conversations", "Conversations", now, before, Totals::conversations,
                        "started in this period", Better.NEITHER),
                count("messages", "Customer messages", now, before, Totals::customerMessages,
                        now.conversations() == 0 ? "sent by customers"
                                : String.format(Locale.ROOT, "%.1f per conversation",
                                (double) now.customerMessages() / now.conversations()), Better.NEITHER),
                rate("deflection", "Resolved without a person", now, before, Totals::deflectionRate,
                        now.deflected() + " of " + now.conversations() + " conversations", Better.UP),
                rate("handoff", "Handoff rate", now, before, Totals::handoffRate,
                        now.handoffs() + " handed to a person", Better.DOWN),
                rate("fallback", "Fallback rate", now, before, Totals::fallbackRate,
                        now.fallbacks() + " of " + now.answers() + " answers unsure", Better.DOWN),
                rate("helpful", "Helpful", now, before, Totals::helpfulRate,
                        now.rated() == 0 ? "no ratings" : now.helpful() + " of " + now.rated() + " rated answers",
                        Better.UP),
                rate("implicit", "Implicit satisfaction", now, before, Totals::implicitSatisfaction,
                        now.implicitCount() == 0 ? "no signals yet"
                                : "mean score of " + now.implicitCount() + " answers", Better.UP),
                response(now, before));
    }

    /** The dashboard's four: conversations, resolved without a person, handoff rate, helpful. */
    static List<KeyCard> key(Totals now, Totals before) {
        return all(now, before).stream()
                .filter(c -> List.of("conversations", "deflection", "handoff", "helpful").contains(c.id()))
                .toList();
    }

    private static KeyCard count(String id, String title, Totals now, Totals before, Function<Totals, Integer> f,
                                 String detail, Better better) {
        int a = f.apply(now);
        int b = f.apply(before);
        String value = String.format(Locale.ENGLISH, "%,d", a);
        if (a == 0 && b == 0) {
            return new KeyCard(id, title, value, detail, null, "", "flat");
        }
        if (b == 0) {
            return new KeyCard(id, title, value, detail, "new", "↑", tone(1, better));
        }
        double change = (a - b) * 100.0 / b;
        return new KeyCard(id, title, value, detail, change == 0 ? "same" : signed(change, "%.0f") + " %",
                arrow(change), tone(change, better));
    }

    private static KeyCard rate(String id, String title, Totals now, Totals before,
                                Function<Totals, @Nullable Double> f, String detail, Better better) {
        Double a = f.apply(now);
        Double b = f.apply(before);
        String value = a == null ? "–" : String.format(Locale.ROOT, "%.1f %%", a * 100);
        if (a == null || b == null) {
            return new KeyCard(id, title, value, detail, null, "", "flat");
        }
        double points = (a - b) * 100;
        return new KeyCard(id, title, value, detail, Math.abs(points) < 0.05 ? "same"
                : signed(points, "%.1f") + " pts", arrow(points), tone(points, better));
    }

    private static KeyCard response(Totals now, Totals before) {
        Double a = now.medianFirstResponseSeconds();
        Double b = before.medianFirstResponseSeconds();
        String detail = now.handoffs() == 0 ? "no handoffs"
                : "median · " + now.responded() + " of " + now.handoffs() + " handoffs answered";
        String value = a == null ? "–" : ResponseTimes.format(a);
        if (a == null || b == null || b == 0) {
            return new KeyCard("response", "First response after handoff", value, detail, null, "", "flat");
        }
        double change = (a - b) * 100 / b;
        return new KeyCard("response", "First response after handoff", value, detail,
                Math.abs(change) < 0.5 ? "same" : signed(change, "%.0f") + " %", arrow(change),
                tone(change, Better.DOWN));
    }

    private static String signed(double v, String format) {
        String s = String.format(Locale.ROOT, format, Math.abs(v));
        return (v > 0 ? "+" : "−") + s;
    }

    private static String arrow(double change) {
        return change > 0 ? "↑" : change < 0 ? "↓" : "→";
    }

    private static String tone(double change, Better better) {
        if (change == 0 || better == Better.NEITHER) {
            return "flat";
        }
        return (change > 0) == (better == Better.UP) ? "good" : "bad";
    }
}
