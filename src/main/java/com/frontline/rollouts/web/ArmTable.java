package com.frontline.rollouts.web;

import com.frontline.rollouts.ArmMetrics;
import com.frontline.rollouts.stats.Interval;
import com.frontline.rollouts.stats.Percentiles;
import com.frontline.rollouts.stats.Rate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The experiment page's per-arm table, metrics down and arms across (two or three arms fit a phone that way), every
 * figure written out with what it is a share of.
 *
 * @param arms the column headings ("v3 baseline")
 */
record ArmTable(List<String> arms, List<Row> rows) {

    /** One metric: its name, a short explanation, and one cell per arm (a main figure and a smaller detail). */
    record Row(String metric, String help, List<Cell> cells) {
    }

    record Cell(String value, String detail) {
    }

    static ArmTable of(List<ArmMetrics> metrics) {
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            ArmMetrics m = metrics.get(i);
            heads.add("v" + m.version() + " " + (i == 0 ? "baseline" : "candidate".equals(m.arm()) ? "candidate"
                    : "arm " + m.arm()));
        }
        List<Row> rows = new ArrayList<>();
        rows.add(row(metrics, "Traffic", "Visitors and conversations this arm served",
                m -> m.visitors() < 0
                        ? new Cell(count(m.conversations()) + " conversations", count(m.answers()) + " answers")
                        : new Cell(count(m.visitors()) + " visitors", count(m.conversations()) + " conversations, "
                        + count(m.answers()) + " answers")));
        rows.add(row(metrics, "Helpful", "Rated answers marked helpful, with the 95 % Wilson interval",
                m -> new Cell(rate(m.helpful()), m.helpful().isEmpty() ? "no rated answers yet"
                        : interval(m.helpfulCi()) + " · " + count(m.helpful().count()) + " rated")));
        rows.add(row(metrics, "Fallback", "Answers that fell back to \"I don't know\"",
                m -> ofRate(m.fallback(), "answers")));
        rows.add(row(metrics, "Handoff", "Conversations handed to a person",
                m -> ofRate(m.handoff(), "conversations")));
        rows.add(row(metrics, "Implicit satisfaction", "Mean score from what visitors did after an answer (0–100 %)",
                m -> ofRate(m.implicit(), "scored answers")));
        rows.add(row(metrics, "Corrections", "Answers an agent corrected",
                m -> ofRate(m.correction(), "answers")));
        rows.add(row(metrics, "Errors", "Provider calls that failed",
                m -> ofRate(m.error(), "calls")));
        rows.add(row(metrics, "Failovers", "Calls answered by a fallback provider",
                m -> ofRate(m.failover(), "calls")));
        rows.add(row(metrics, "Latency p50 / p95 / p99", "Time to answer",
                m -> latency(m.latencyMs())));
        rows.add(row(metrics, "Tokens per conversation", "Prompt and answer tokens",
                m -> new Cell(m.conversations() == 0 ? "–" : count(Math.round(m.tokensPerConversation())), "")));
        rows.add(row(metrics, "Cost per conversation", "In US dollars",
                m -> new Cell(m.conversations() == 0 ? "–" : money(m.costPerConversationUsd()), "")));
        return new ArmTable(heads, rows);
    }

    private static Row row(List<ArmMetrics> metrics, String name, String help, Function<ArmMetrics, Cell> cell) {
        return new Row(name, help, metrics.stream().map(cell).toList());
    }

    private static Cell ofRate(Rate r, String of) {
        return new Cell(rate(r), r.isEmpty() ? "none yet" : "of " + count(r.count()) + " " + of);
    }

    private static Cell latency(Percentiles p) {
        if (p.count() == 0 || Double.isNaN(p.p50())) {
            return new Cell("–", "no answers yet");
        }
        String value = p.p99() < 10_000
                ? String.format(Locale.ROOT, "%,d / %,d / %,d ms", Math.round(p.p50()), Math.round(p.p95()),
                Math.round(p.p99()))
                : ms(p.p50()) + " / " + ms(p.p95()) + " / " + ms(p.p99());
        return new Cell(value, "over " + count(p.count()) + " answers");
    }

    static String rate(Rate r) {
        return r.isEmpty() ? "–" : percent(r.value());
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    static String interval(Interval i) {
        return String.format(Locale.ROOT, "%.1f–%.1f %%", i.lower() * 100, i.upper() * 100);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String ms(double v) {
        return v >= 10_000 ? String.format(Locale.ROOT, "%.1f s", v / 1000) : String.format(Locale.ROOT, "%,d ms",
                Math.round(v));
    }

    static String money(double usd) {
        return usd >= 1 ? String.format(Locale.ROOT, "$%,.2f", usd) : String.format(Locale.ROOT, "$%.4f", usd);
    }
}
