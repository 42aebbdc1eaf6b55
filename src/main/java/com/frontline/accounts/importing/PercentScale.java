package com.frontline.accounts.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds numbers that do not fit the scale of the other values of their KPI, so that a typo is reported instead of
 * being scored silently.
 *
 * <p>How a number is read: "45%" (or a percent-formatted cell) is 45 %; a plain number between 0 and 1 is a fraction
 * (0.45 is 45 %); a plain number above 1 is a point on a 0–100 scale (45 is 45). That reading is ambiguous when one
 * KPI mixes the two: in 0.45, 0.52, <b>1.4</b> the 1.4 is 1.4 % or 140 %, and in 45, 62, <b>0.8</b> the 0.8 is 0.8 %
 * or 80 %. Such a value is a row problem with a hint, never a guess.
 *
 * <p>The values compared are those of the same KPI (by name, in one sheet) when it has at least three; a KPI with
 * fewer is compared with the whole column instead, but only in a <i>percentage column</i> (its header says so ("%",
 * "percent", "pct") or most of its values carry a % sign or a percent cell format), and there only a decimal below 10
 * such as 1.4 is questioned (12 or 45 among other KPIs' percentages is more likely a count or a score). No check is made when any compared value is negative or above 100 (the KPI,
 * or the sheet, then holds counts or amounts, not percentages), nor for 0 and 1 (the same on both scales, nearly).
 * The 0–100 reading is only questioned when its typical value is 10 or more (45, 62 look like percentages; 2.5
 * logins per user do not).
 */
final class PercentScale {

    /** A row to report instead of accepting. */
    record Flag(KpiRow row, String value, String message, String hint) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MIN_GROUP = 3;

    private PercentScale() {
    }

    static List<Flag> check(List<KpiRow> rows, java.util.function.Predicate<KpiRow> headerSaysPercent) {
        Map<String, List<KpiRow>> byKpi = new LinkedHashMap<>();
        Map<String, List<KpiRow>> bySheet = new LinkedHashMap<>();
        for (KpiRow row : rows) {
            byKpi.computeIfAbsent(row.sheet() + "\u0000" + row.kpiName().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(row);
            bySheet.computeIfAbsent(row.sheet(), k -> new ArrayList<>()).add(row);
        }
        List<Flag> flags = new ArrayList<>();
        for (List<KpiRow> group : byKpi.values()) {
            boolean ownGroup = decisive(group) >= MIN_GROUP;
            List<KpiRow> reference = ownGroup ? group : bySheet.get(group.getFirst().sheet());
            if (!ownGroup && !headerSaysPercent.test(group.getFirst()) && !mostlyPercent(reference)) {
                continue;
            }
            Scale scale = scale(reference);
            if (scale == Scale.NONE) {
                continue;
            }
            String kpi = group.getFirst().kpiName();
            for (KpiRow row : group) {
                Kind kind = kind(row);
                String text = row.value().stripTrailingZeros().toPlainString();
                String compared = ownGroup ? "the other values of '" + kpi + "'" : "the other values in this sheet";
                if (scale == Scale.FRACTION && kind == Kind.POINTS && (ownGroup || smallDecimal(row.value()))) {
                    flags.add(new Flag(row, text, "The value " + text + " does not fit " + compared
                            + ", which are fractions or percentages (such as " + example(reference, Kind.FRACTION)
                            + "): is it " + text + " % or " + percent(row.value().multiply(HUNDRED)) + " %?",
                            "Write it with a % sign: " + text + "% or " + percent(row.value().multiply(HUNDRED))
                                    + "%. Plain numbers are read as fractions from 0 to 1 (0.45 = 45 %) and as "
                                    + "points from 1 to 100 (45 = 45 %)."));
                } else if (scale == Scale.POINTS && kind == Kind.FRACTION && !row.percentage()) {
                    flags.add(new Flag(row, text, "The value " + text + " does not fit " + compared
                            + ", which are on a 0–100 scale (such as " + example(reference, Kind.POINTS) + "): is it "
                            + percent(row.value().multiply(HUNDRED)) + " % or " + text + " %?",
                            "Write it with a % sign: " + percent(row.value().multiply(HUNDRED)) + "% or " + text
                                    + "%. Plain numbers are read as fractions from 0 to 1 (0.45 = 45 %) and as "
                                    + "points from 1 to 100 (45 = 45 %)."));
                }
            }
        }
        return flags;
    }

    private enum Kind { FRACTION, POINTS, NEUTRAL, OUT_OF_RANGE }

    private enum Scale { FRACTION, POINTS, NONE }

    private static Kind kind(KpiRow row) {
        BigDecimal v = row.value();
        if (v.signum() < 0 || v.compareTo(row.percentage() ? BigDecimal.TEN : HUNDRED) > 0) {
            return Kind.OUT_OF_RANGE;
        }
        if (row.percentage()) {
            return Kind.FRACTION; // stored as a fraction already: 45% is 0.45
        }
        if (v.signum() == 0 || v.compareTo(BigDecimal.ONE) == 0) {
            return Kind.NEUTRAL;
        }
        return v.compareTo(BigDecimal.ONE) < 0 ? Kind.FRACTION : Kind.POINTS;
    }

    private static int decisive(List<KpiRow> rows) {
        int n = 0;
        for (KpiRow row : rows) {
            Kind kind = kind(row);
            if (kind == Kind.FRACTION || kind == Kind.POINTS) {
                n++;
            }
        }
        return n;
    }

    /** The scale most values are on, when at least two thirds of them agree and nothing is out of range. */
    private static Scale scale(List<KpiRow> rows) {
        int fractions = 0;
        int points = 0;
        int plainFractions = 0;
        List<BigDecimal> pointValues = new ArrayList<>();
        for (KpiRow row : rows) {
            switch (kind(row)) {
                case OUT_OF_RANGE -> {
                    return Scale.NONE;
                }
                case FRACTION -> {
                    fractions++;
                    if (!row.percentage()) {
                        plainFractions++;
                    }
                }
                case POINTS -> {
                    points++;
                    pointValues.add(row.value());
                }
                case NEUTRAL -> {
                }
            }
        }
        if (fractions >= 2 && points > 0 && fractions >= 2 * points) {
            return Scale.FRACTION;
        }
        if (points >= 2 && plainFractions > 0 && points >= 2 * fractions
                && median(pointValues).compareTo(BigDecimal.TEN) >= 0) {
            return Scale.POINTS;
        }
        return Scale.NONE;
    }

    /** 1.4 next to other KPIs' 45 % is a slip; 12 or 45 there is more likely a count or a score of its own. */
    private static boolean smallDecimal(BigDecimal value) {
        return value.stripTrailingZeros().scale() > 0 && value.compareTo(BigDecimal.TEN) < 0;
    }

    private static boolean mostlyPercent(List<KpiRow> rows) {
        long percent = rows.stream().filter(KpiRow::percentage).count();
        return percent * 2 > rows.size();
    }

    static boolean percentHeader(String header) {
        String normalized = " " + header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}%]+", " ") + " ";
        return header.contains("%") || normalized.contains(" percent ") || normalized.contains(" percentage ")
                || normalized.contains(" pct ");
    }

    private static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String example(List<KpiRow> rows, Kind kind) {
        for (KpiRow row : rows) {
            if (kind(row) == kind) {
                return row.percentage() ? percent(row.value().multiply(HUNDRED)) + "%"
                        : row.value().stripTrailingZeros().toPlainString();
            }
        }
        return "";
    }

    private static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
