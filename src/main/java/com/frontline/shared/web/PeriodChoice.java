package com.frontline.shared.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The period picker the dashboards share (usage, analytics): {@code period} is {@code 7}, {@code 30}, {@code 90}
 * (days up to today, UTC) or {@code custom} with {@code from}–{@code to}. A value that cannot be used gets a message
 * next to its field and the default (the last {@value #DEFAULT_PERIOD} days) is used instead: never a 400. Each page's
 * form record parses its own other fields around it.
 *
 * @param first the first day of the period chosen (or of the default)
 * @param last  its last day
 * @param label the period in words ("Last 30 days", "1 Dec 2026 – 7 Dec 2026")
 */
public record PeriodChoice(LocalDate first, LocalDate last, String label) {

    public static final List<Integer> PERIODS = List.of(7, 30, 90);
    public static final int DEFAULT_PERIOD = 30;
    /** The longest custom range, in days. */
    public static final int MAX_DAYS = 366;
    /** How far back a custom range may start. */
    public static final int MAX_AGE_DAYS = 3650;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /**
     * Reads the period fields: what was entered goes into {@code values} (to fill the form again, a custom range as
     * typed so it can be corrected), a message per refused field into {@code errors}.
     */
    public static PeriodChoice parse(@Nullable String period, @Nullable String from, @Nullable String to,
                                     LocalDate today, Map<String, String> values, Map<String, String> errors) {
        LocalDate first = today.minusDays(DEFAULT_PERIOD - 1L);
        LocalDate last = today;
        String label = "Last " + DEFAULT_PERIOD + " days";
        String p = blankToNull(period);
        if ("custom".equals(p)) {
            values.put("period", "custom");
            LocalDate f = date(from, "from", "first", errors);
            LocalDate t = date(to, "to", "last", errors);
            if (f != null && f.isBefore(today.minusDays(MAX_AGE_DAYS))) {
                errors.put("from", "Choose a first day within the last ten years.");
            } else if (f != null && f.isAfter(today)) {
                errors.put("from", "The first day can be today (" + today + ") at the latest.");
            }
            if (t != null && t.isAfter(today)) {
                errors.put("to", "The last day can be today (" + today + ") at the latest.");
            } else if (f != null && t != null && t.isBefore(f)) {
                errors.put("to", "The last day is before the first (" + f + ").");
            } else if (f != null && t != null && ChronoUnit.DAYS.between(f, t) + 1 > MAX_DAYS) {
                errors.put("to", "A range is at most %d days; this one has %d.".formatted(MAX_DAYS,
                        ChronoUnit.DAYS.between(f, t) + 1));
            }
            values.put("from", from == null ? "" : from.strip());
            values.put("to", to == null ? "" : to.strip());
            if (!errors.containsKey("from") && !errors.containsKey("to") && f != null && t != null) {
                first = f;
                last = t;
                label = f.equals(t) ? f.format(DAY) : f.format(DAY) + " – " + t.format(DAY);
            }
        } else if (p != null) {
            Integer days = PERIODS.stream().filter(d -> String.valueOf(d).equals(p)).findFirst().orElse(null);
            if (days == null) {
                errors.put("period", "Choose 7, 30 or 90 days, or a custom range.");
            } else {
                first = today.minusDays(days - 1L);
                label = "Last " + days + " days";
                values.put("period", p);
            }
        }
        return new PeriodChoice(first, last, label);
    }

    /** The values to carry in links: those in use, a refused custom range left out. */
    public static Map<String, String> links(Map<String, String> values, Map<String, String> errors) {
        Map<String, String> links = new LinkedHashMap<>(values);
        if ("custom".equals(values.get("period")) && (errors.containsKey("from") || errors.containsKey("to"))) {
            links.remove("period");
            links.remove("from");
            links.remove("to");
        }
        return links;
    }

    /** The values as a query string ({@code ?a=b&…}, empty when none), plus extra name and value pairs. */
    public static String queryString(Map<String, String> links, String... extra) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        links.forEach(b::queryParam);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            b.queryParam(extra[i], extra[i + 1]);
        }
        return b.build().encode().toUriString();
    }

    /** The period picked in a form (7, 30, 90 or custom), from the values parsed. */
    public static String choice(Map<String, String> values) {
        return values.getOrDefault("period", String.valueOf(DEFAULT_PERIOD));
    }

    public static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static @Nullable LocalDate date(@Nullable String raw, String field, String which,
                                            Map<String, String> errors) {
        String v = blankToNull(raw);
        if (v == null) {
            errors.put(field, "Choose the " + which + " day of the range.");
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter a date like 2026-12-01.");
            return null;
        }
    }
}
