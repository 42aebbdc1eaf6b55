package com.frontline.analytics.web;

import com.frontline.analytics.Period;
import com.frontline.chat.Channel;
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
 * The analytics page's period and channel as the GET form sends them. A value the page cannot use gets a message
 * next to its field and the default (the last 30 days, every channel) is used instead: never a 400.
 *
 * @param period  {@code 7}, {@code 30}, {@code 90} (days up to today, UTC) or {@code custom} ({@code from}–{@code to})
 * @param channel {@code WIDGET}, {@code PLAYGROUND} or empty (both)
 */
public record AnalyticsPeriodForm(@Nullable String period, @Nullable String from, @Nullable String to,
                                  @Nullable String channel) {

    static final List<Integer> PERIODS = List.of(7, 30, 90);
    static final int DEFAULT_PERIOD = 30;
    /** The longest custom range, in days. */
    static final int MAX_DAYS = 366;
    /** How far back a custom range may start. */
    static final int MAX_AGE_DAYS = 3650;
    /** The channels a visitor or a team member talks in (evaluation runs are never counted). */
    static final List<Channel> CHANNELS = List.of(Channel.WIDGET, Channel.PLAYGROUND);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /**
     * @param values the values as entered, to fill the form again
     * @param links  the values in use, to carry in links (a refused value is left out)
     * @param errors a message per field whose value was not used
     * @param label  the period in words ("Last 30 days", "1 Dec 2026 – 7 Dec 2026")
     */
    public record Parsed(Period period, @Nullable Channel channel, Map<String, String> values,
                         Map<String, String> links, Map<String, String> errors, String label) {

        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        /** The period picked in the form: 7, 30, 90 or custom. */
        public String periodChoice() {
            return values.getOrDefault("period", String.valueOf(DEFAULT_PERIOD));
        }

        /** The accepted values as a query string ({@code ?a=b&…}, empty when none), plus extra ones. */
        public String queryString(String... extra) {
            UriComponentsBuilder b = UriComponentsBuilder.newInstance();
            links.forEach(b::queryParam);
            for (int i = 0; i + 1 < extra.length; i += 2) {
                b.queryParam(extra[i], extra[i + 1]);
            }
            return b.build().encode().toUriString();
        }

        public boolean periodRefused() {
            return errors.containsKey("period") || errors.containsKey("from") || errors.containsKey("to");
        }
    }

    Parsed parse(LocalDate today) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Period chosen = Period.lastDays(today, DEFAULT_PERIOD);
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
            if (errors.isEmpty() && f != null && t != null) {
                chosen = new Period(f, t);
                label = f.equals(t) ? f.format(DAY) : f.format(DAY) + " – " + t.format(DAY);
            }
        } else if (p != null) {
            Integer days = PERIODS.stream().filter(d -> String.valueOf(d).equals(p)).findFirst().orElse(null);
            if (days == null) {
                errors.put("period", "Choose 7, 30 or 90 days, or a custom range.");
            } else {
                chosen = Period.lastDays(today, days);
                label = "Last " + days + " days";
                values.put("period", p);
            }
        }
        Channel c = null;
        String ch = blankToNull(channel);
        if (ch != null) {
            c = CHANNELS.stream().filter(x -> x.name().equalsIgnoreCase(ch)).findFirst().orElse(null);
            if (c == null) {
                errors.put("channel", "Choose the website widget, the playground, or both: showing both.");
            } else {
                values.put("channel", c.name());
            }
        }
        Map<String, String> links = new LinkedHashMap<>(values);
        if ("custom".equals(values.get("period")) && (errors.containsKey("from") || errors.containsKey("to"))) {
            links.remove("period");
            links.remove("from");
            links.remove("to");
        }
        return new Parsed(chosen, c, values, links, errors, label);
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

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
