package com.frontline.alerts;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The thresholds, as plain arithmetic over the figures: each rule says whether its alert is due and, if so, with
 * which title, summary, numbers and link. No database, no clock of its own: the evaluation job passes both in.
 */
final class AlertRules {

    private AlertRules() {
    }

    /** An alert that is due. */
    record Finding(AlertKind kind, String key, String title, String summary, Map<String, Object> numbers,
                   String link) {
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** This month's spending has reached the set share of the monthly budget (only with a budget and spending). */
    static Optional<Finding> cost(AlertSettings s, UsageSignals.Spending spending, LocalDate today, String slug) {
        BigDecimal budget = spending.budgetUsd();
        BigDecimal spent = spending.spentUsd();
        if (!s.costEnabled() || budget == null || spent.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal threshold = budget.multiply(BigDecimal.valueOf(s.costBudgetPercent()))
                .divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
        if (spent.compareTo(threshold) < 0) {
            return Optional.empty();
        }
        String month = spending.monthStart().format(MONTH);
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("Spent this month (USD)", money(spent));
        numbers.put("Monthly budget (USD)", budget.setScale(2, RoundingMode.HALF_UP));
        String title;
        if (budget.signum() == 0) {
            title = "Spending passed the monthly budget of $0.00";
        } else {
            int used = spent.multiply(BigDecimal.valueOf(100)).divide(budget, 0, RoundingMode.HALF_UP).intValue();
            numbers.put("Share of the budget (%)", used);
            title = "Spending reached " + used + " % of the monthly budget";
        }
        numbers.put("Alert at (% of the budget)", s.costBudgetPercent());
        String summary = "$%s spent in %s (UTC) against a budget of $%s; the alert is set at %d %% of the budget."
                .formatted(money(spent).toPlainString(), month,
                        budget.setScale(2, RoundingMode.HALF_UP).toPlainString(), s.costBudgetPercent());
        return Optional.of(new Finding(AlertKind.COST_OVER_BUDGET, "budget:" + spending.monthStart()
                .format(DateTimeFormatter.ofPattern("yyyy-MM")), title, summary, numbers,
                usageLink(slug, spending.monthStart(), today, null)));
    }

    /** The window's calls were slower than the threshold at p95 (with enough calls to tell). */
    static Optional<Finding> latency(AlertSettings s, UsageSignals.CallWindow window, OffsetDateTime now,
                                     String slug) {
        if (!s.latencyEnabled() || window.calls() < s.minCalls() || window.p95LatencyMs() <= s.latencyP95Ms()) {
            return Optional.empty();
        }
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("p95 latency (ms)", window.p95LatencyMs());
        numbers.put("Alert above (ms)", s.latencyP95Ms());
        numbers.put("Calls in the window", window.calls());
        numbers.put("Window (minutes)", s.windowMinutes());
        String title = "Slow answers: p95 latency " + seconds(window.p95LatencyMs()) + " over the last "
                + s.windowMinutes() + " minutes";
        String summary = "95 %% of the %,d calls to AI providers in the last %d minutes took up to %s; the alert is "
                .formatted(window.calls(), s.windowMinutes(), seconds(window.p95LatencyMs()))
                + "set at " + seconds(s.latencyP95Ms()) + ".";
        return Optional.of(new Finding(AlertKind.LATENCY_P95, "p95", title, summary, numbers,
                usageLink(slug, day(now.minusMinutes(s.windowMinutes())), day(now), null)));
    }

    /** Each provider whose share of failed calls in the window reached the threshold (with enough calls). */
    static List<Finding> failures(AlertSettings s, UsageSignals.CallWindow window, OffsetDateTime now, String slug) {
        List<Finding> findings = new ArrayList<>();
        if (!s.failureEnabled()) {
            return findings;
        }
        for (UsageSignals.ProviderCalls p : window.providers()) {
            if (p.calls() < s.minCalls() || p.failures() * 100 < (long) s.failureRatePercent() * p.calls()) {
                continue;
            }
            double rate = 100.0 * p.failures() / p.calls();
            Map<String, Object> numbers = new LinkedHashMap<>();
            numbers.put("Failed calls", p.failures());
            numbers.put("Calls", p.calls());
            numbers.put("Failure rate (%)", round1(rate));
            numbers.put("Alert at (%)", s.failureRatePercent());
            numbers.put("Window (minutes)", s.windowMinutes());
            String title = p.provider() + " fails " + Math.round(rate) + " % of calls";
            String summary = ("%,d of %,d calls to %s failed in the last %d minutes (errors, timeouts or empty "
                    + "answers); ")
                    .formatted(p.failures(), p.calls(), p.provider(), s.windowMinutes())
                    + "the alert is set at " + s.failureRatePercent() + " %. Answers fell over to the next provider "
                    + "or the offline answerer.";
            findings.add(new Finding(AlertKind.PROVIDER_FAILURE_RATE, "provider:" + p.provider(), title, summary,
                    numbers, usageLink(slug, day(now.minusMinutes(s.windowMinutes())), day(now), p.provider())));
        }
        return findings;
    }

    /**
     * The last 24 hours had at least the set number of handoffs and at least the set multiple of the daily mean of
     * the 7 days before.
     */
    static Optional<Finding> handoffs(AlertSettings s, long lastDay, long weekBefore, OffsetDateTime now, String slug) {
        double mean = weekBefore / 7.0;
        if (!s.handoffEnabled() || lastDay < s.handoffMin()
                || BigDecimal.valueOf(lastDay).compareTo(s.handoffFactor().multiply(BigDecimal.valueOf(mean))) < 0) {
            return Optional.empty();
        }
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("Handoffs, last 24 hours", lastDay);
        numbers.put("Daily mean, 7 days before", round1(mean));
        if (mean > 0) {
            numbers.put("Ratio (×)", round1(lastDay / mean));
        }
        numbers.put("Alert at (×)", s.handoffFactor().stripTrailingZeros());
        numbers.put("Alert from (handoffs)", s.handoffMin());
        String title = "Handoff spike: " + lastDay + " conversations handed to the team in 24 hours";
        String summary = (mean > 0
                ? "%,d handoffs in the last 24 hours, %s× the daily mean of the 7 days before (%s)"
                .formatted(lastDay, round1(lastDay / mean).toPlainString(), round1(mean).toPlainString())
                : "%,d handoffs in the last 24 hours, after none in the 7 days before".formatted(lastDay))
                + "; the alert is set at " + s.handoffFactor().stripTrailingZeros().toPlainString()
                + "× and at least " + s.handoffMin() + ".";
        return Optional.of(new Finding(AlertKind.HANDOFF_SPIKE, "handoffs", title, summary, numbers,
                "/w/" + slug + "/feedback?period=7"));
    }

    /**
     * The helpful rate (👍 among rated answers) of the last 7 days dropped at least the set points below the 28
     * days before, with enough ratings in both.
     */
    static Optional<Finding> quality(AlertSettings s, ConversationSignals.Answers recent,
                                     ConversationSignals.Answers before, LocalDate today, String slug) {
        if (!s.qualityEnabled() || recent.rated() < s.qualityMinRatings() || before.rated() < s.qualityMinRatings()) {
            return Optional.empty();
        }
        double now = recent.helpfulRate() * 100;
        double then = before.helpfulRate() * 100;
        double drop = then - now;
        if (drop < s.qualityDropPoints()) {
            return Optional.empty();
        }
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("Helpful rate, last 7 days (%)", round1(now));
        numbers.put("Helpful rate, 28 days before (%)", round1(then));
        numbers.put("Drop (points)", round1(drop));
        numbers.put("Ratings, last 7 days", recent.rated());
        numbers.put("Ratings, 28 days before", before.rated());
        numbers.put("Alert at (points)", s.qualityDropPoints());
        String title = "Helpful rate dropped " + Math.round(drop) + " points in the last 7 days";
        String summary = ("%s %% of rated answers were helpful in the last 7 days, against %s %% in the 28 days "
                + "before (%,d and %,d ratings); the alert is set at a drop of %d points.")
                .formatted(round1(now).toPlainString(), round1(then).toPlainString(), recent.rated(), before.rated(),
                        s.qualityDropPoints());
        return Optional.of(new Finding(AlertKind.QUALITY_DROP, "helpful-rate", title, summary, numbers,
                "/w/" + slug + "/feedback?period=custom&from=" + today.minusDays(6) + "&to=" + today
                        + "&rating=down"));
    }

    /** The usage dashboard for these days (and provider). */
    static String usageLink(String slug, LocalDate from, LocalDate to, @Nullable String provider) {
        String link = "/w/" + slug + "/usage?period=custom&from=" + from + "&to=" + to;
        if (provider != null) {
            link += "&provider=" + java.net.URLEncoder.encode(provider, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20");
        }
        return link;
    }

    private static LocalDate day(OffsetDateTime t) {
        return t.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private static BigDecimal money(BigDecimal usd) {
        return usd.setScale(usd.compareTo(BigDecimal.ONE) < 0 && usd.signum() != 0 ? 4 : 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal round1(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP);
    }

    /** "850 ms", "12.3 s". */
    static String seconds(long ms) {
        return ms < 1000 ? ms + " ms" : BigDecimal.valueOf(ms).divide(BigDecimal.valueOf(1000), 1,
                RoundingMode.HALF_UP).toPlainString() + " s";
    }
}
