package com.frontline.chat.web;

import com.frontline.chat.Channel;
import com.frontline.chat.FeedbackReviewCursor;
import com.frontline.chat.FeedbackReviewFilter;
import com.frontline.chat.FeedbackReviewFilter.Band;
import com.frontline.chat.FeedbackReviewFilter.Outcome;
import com.frontline.chat.FeedbackReviewFilter.ProviderModel;
import com.frontline.chat.FeedbackReviewFilter.Rating;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The review page's filters as the GET form sends them. A value the page does not know is dropped with a message
 * (the rest of the filter still applies), never a 400.
 *
 * @param period {@code 7}, {@code 30}, {@code 90} (days up to today, UTC) or {@code custom} ({@code from}–{@code to})
 * @param after  the paging position ({@link FeedbackReviewCursor#token()})
 */
public record FeedbackFilterForm(@Nullable String period, @Nullable String from, @Nullable String to,
                          @Nullable String rating, @Nullable String reason, @Nullable String channel,
                          @Nullable String band, @Nullable String outcome, @Nullable String handoff,
                          @Nullable String model, @Nullable String q, @Nullable String after) {

    static final List<Integer> PERIODS = List.of(7, 30, 90);
    static final int DEFAULT_PERIOD = 30;
    static final int MAX_DAYS = 366;

    /**
     * @param filter the filter to apply
     * @param values the accepted values by parameter name, to fill the form and to carry in links
     * @param errors one message per value that was dropped
     */
    public record Parsed(FeedbackReviewFilter filter, @Nullable FeedbackReviewCursor after, Map<String, String> values,
                  List<String> errors) {

        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        /** The accepted filters as a query string ({@code ?a=b&…}, empty when none), without the page position. */
        public String query() {
            UriComponentsBuilder b = UriComponentsBuilder.newInstance();
            values.forEach(b::queryParam);
            String q = b.build().encode().toUriString();
            return q.isEmpty() ? "" : q;
        }

        /** {@link #query()} with the next page's position. */
        public String queryAfter(FeedbackReviewCursor next) {
            UriComponentsBuilder b = UriComponentsBuilder.newInstance();
            values.forEach(b::queryParam);
            b.queryParam("after", next.token());
            return b.build().encode().toUriString();
        }
    }

    Parsed parse(LocalDate today) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();

        LocalDate first = today.minusDays(DEFAULT_PERIOD - 1);
        LocalDate last = today;
        String p = blankToNull(period);
        if ("custom".equals(p)) {
            LocalDate f = date(from, "From", errors);
            LocalDate t = date(to, "To", errors);
            if (f == null || t == null) {
                if (blankToNull(from) == null || blankToNull(to) == null) {
                    errors.add("Choose both dates for a custom period: showing the last " + DEFAULT_PERIOD
                            + " days.");
                }
            } else if (t.isBefore(f)) {
                errors.add("The period's end (" + t + ") is before its start (" + f + "): showing the last "
                        + DEFAULT_PERIOD + " days.");
            } else if (ChronoUnit.DAYS.between(f, t) >= MAX_DAYS) {
                errors.add("A period is at most " + MAX_DAYS + " days: showing the last " + DEFAULT_PERIOD
                        + " days.");
            } else {
                first = f;
                last = t;
                values.put("period", "custom");
                values.put("from", f.toString());
                values.put("to", t.toString());
            }
        } else if (p != null) {
            Integer days = PERIODS.stream().filter(d -> String.valueOf(d).equals(p)).findFirst().orElse(null);
            if (days == null) {
                errors.add("Unknown period \"" + p + "\": showing the last " + DEFAULT_PERIOD + " days.");
            } else {
                first = today.minusDays(days - 1);
                if (days != DEFAULT_PERIOD) {
                    values.put("period", p);
                }
            }
        }

        Rating r = choice(rating, "rating", Map.of("rated", Rating.RATED, "up", Rating.UP, "down", Rating.DOWN,
                "implicit", Rating.IMPLICIT_ONLY), "rating", values, errors);
        String why = blankToNull(reason);
        if (why != null) {
            String upper = why.toUpperCase(Locale.ROOT);
            if (FeedbackReviewFilter.REASONS.contains(upper)) {
                values.put("reason", upper);
            } else {
                errors.add("Unknown reason \"" + why + "\": showing every reason.");
            }
        }
        Channel ch = choice(channel, "channel", Map.of("widget", Channel.WIDGET, "playground", Channel.PLAYGROUND),
                "channel", values, errors);
        Band b = choice(band, "band", Map.of("low", Band.LOW, "medium", Band.MEDIUM, "high", Band.HIGH),
                "confidence band", values, errors);
        Outcome o = choice(outcome, "outcome", Map.of("answered", Outcome.ANSWERED, "fallback", Outcome.FELL_BACK),
                "outcome", values, errors);
        Boolean h = choice(handoff, "handoff", Map.of("yes", true, "no", false), "handoff value", values, errors);
        ProviderModel pm = null;
        String m = blankToNull(model);
        if (m != null) {
            if (m.length() > 400 || m.indexOf('/') < 0) {
                errors.add("Unknown provider/model: showing every model.");
            } else {
                pm = ProviderModel.parse(m);
                values.put("model", pm.key());
            }
        }
        String text = blankToNull(q);
        if (text != null) {
            text = text.strip();
            if (text.length() > FeedbackReviewFilter.MAX_TEXT) {
                errors.add("Search for at most " + FeedbackReviewFilter.MAX_TEXT + " characters: the text search "
                        + "was left out.");
                text = null;
            } else {
                values.put("q", text);
            }
        }
        FeedbackReviewCursor position = null;
        String a = blankToNull(after);
        if (a != null) {
            try {
                position = FeedbackReviewCursor.parse(a);
            } catch (IllegalArgumentException e) {
                errors.add("That page link is not valid: showing the newest answers.");
            }
        }
        OffsetDateTime start = first.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        FeedbackReviewFilter filter = new FeedbackReviewFilter(start, end, r == null ? Rating.ANY : r,
                values.get("reason"), ch, b, o, h, pm, text);
        return new Parsed(filter, position, values, errors);
    }

    private static <T> @Nullable T choice(@Nullable String raw, String name, Map<String, T> options, String what,
                                          Map<String, String> values, List<String> errors) {
        String v = blankToNull(raw);
        if (v == null) {
            return null;
        }
        String key = v.toLowerCase(Locale.ROOT);
        T value = options.get(key);
        if (value == null) {
            errors.add("Unknown " + what + " \"" + abbreviate(v) + "\": it was left out of the filter.");
            return null;
        }
        values.put(name, key);
        return value;
    }

    private static @Nullable LocalDate date(@Nullable String raw, String label, List<String> errors) {
        String v = blankToNull(raw);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(label + " \"" + abbreviate(v) + "\" is not a date (yyyy-mm-dd): showing the last "
                    + DEFAULT_PERIOD + " days.");
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
