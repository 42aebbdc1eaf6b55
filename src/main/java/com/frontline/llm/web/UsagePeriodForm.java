package com.frontline.llm.web;

import com.frontline.llm.internal.UsageQuery;
import com.frontline.shared.web.PeriodChoice;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The usage dashboard's period and filter as the GET form sends them (the period read by the shared
 * {@link PeriodChoice}). A value the page cannot use gets a message next to its field and the default (the last 30
 * days, every provider) is shown instead: never a 400.
 *
 * @param period {@code 7}, {@code 30}, {@code 90} (days up to today, UTC) or {@code custom} ({@code from}–{@code to})
 */
public record UsagePeriodForm(@Nullable String period, @Nullable String from, @Nullable String to,
                       @Nullable String provider, @Nullable String model) {

    static final List<Integer> PERIODS = PeriodChoice.PERIODS;

    /**
     * @param values the values as entered, to fill the form again
     * @param links  the values in use, to carry in links (a refused custom range is left out)
     * @param errors a message per field whose value was not used
     * @param label  the period in words ("Last 30 days", "1 Dec 2026 – 7 Dec 2026")
     */
    public record Parsed(UsageQuery query, Map<String, String> values, Map<String, String> links,
                         Map<String, String> errors, String label) {

        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        /** The period picked in the form: 7, 30, 90 or custom. */
        public String period() {
            return PeriodChoice.choice(values);
        }

        /** The accepted values as a query string ({@code ?a=b&…}, empty when none). */
        public String queryString() {
            return PeriodChoice.queryString(links);
        }

        /** The same period with another provider and model (null: all). */
        public String queryWith(@Nullable String provider, @Nullable String model) {
            UriComponentsBuilder b = UriComponentsBuilder.newInstance();
            links.forEach((k, v) -> {
                if (!k.equals("provider") && !k.equals("model")) {
                    b.queryParam(k, v);
                }
            });
            if (provider != null) {
                b.queryParam("provider", provider);
            }
            if (model != null) {
                b.queryParam("model", model);
            }
            return b.build().encode().toUriString();
        }
    }

    Parsed parse(LocalDate today) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        PeriodChoice chosen = PeriodChoice.parse(period, from, to, today, values, errors);
        String pr = choice(provider, "provider", "provider", values, errors);
        String m = choice(model, "model", "model", values, errors);
        return new Parsed(new UsageQuery(chosen.first(), chosen.last(), pr, m), values,
                PeriodChoice.links(values, errors), errors, chosen.label());
    }

    private static @Nullable String choice(@Nullable String raw, String name, String what, Map<String, String> values,
                                           Map<String, String> errors) {
        String v = raw == null ? null : raw.strip();
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > 200) {
            errors.put(name, "That " + what + " name is too long: showing every " + what + ".");
            return null;
        }
        values.put(name, v);
        return v;
    }
}
