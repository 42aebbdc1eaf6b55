package com.frontline.analytics.web;

import com.frontline.analytics.Period;
import com.frontline.chat.Channel;
import com.frontline.shared.web.PeriodChoice;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analytics page's period and channel as the GET form sends them (the period read by the shared
 * {@link PeriodChoice}). A value the page cannot use gets a message next to its field and the default (the last 30
 * days, every channel) is used instead: never a 400.
 *
 * @param period  {@code 7}, {@code 30}, {@code 90} (days up to today, UTC) or {@code custom} ({@code from}–{@code to})
 * @param channel {@code WIDGET}, {@code PLAYGROUND} or empty (both)
 */
public record AnalyticsPeriodForm(@Nullable String period, @Nullable String from, @Nullable String to,
                                  @Nullable String channel) {

    static final List<Integer> PERIODS = PeriodChoice.PERIODS;
    /** The channels a visitor or a team member talks in (evaluation runs are never counted). */
    static final List<Channel> CHANNELS = List.of(Channel.WIDGET, Channel.PLAYGROUND);

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
            return PeriodChoice.choice(values);
        }

        /** The accepted values as a query string ({@code ?a=b&…}, empty when none), plus extra ones. */
        public String queryString(String... extra) {
            return PeriodChoice.queryString(links, extra);
        }

        public boolean periodRefused() {
            return errors.containsKey("period") || errors.containsKey("from") || errors.containsKey("to");
        }
    }

    Parsed parse(LocalDate today) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        PeriodChoice chosen = PeriodChoice.parse(period, from, to, today, values, errors);
        Channel c = null;
        String ch = PeriodChoice.blankToNull(channel);
        if (ch != null) {
            c = CHANNELS.stream().filter(x -> x.name().equalsIgnoreCase(ch)).findFirst().orElse(null);
            if (c == null) {
                errors.put("channel", "Choose the website widget, the playground, or both: showing both.");
            } else {
                values.put("channel", c.name());
            }
        }
        return new Parsed(new Period(chosen.first(), chosen.last()), c, values, PeriodChoice.links(values, errors),
                errors, chosen.label());
    }
}
