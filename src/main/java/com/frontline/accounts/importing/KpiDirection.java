package com.frontline.accounts.importing;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a KPI is better when it is higher (adoption, NPS) or when it is lower (churn, resolution time). A file may
 * say so in a Direction column; when it does not, {@link #byName} decides from a short list of well-known names.
 */
public enum KpiDirection {
    HIGHER_IS_BETTER("Higher is better"), LOWER_IS_BETTER("Lower is better");

    /**
     * KPI names that are lower-is-better almost everywhere, matched case-insensitively as whole words (a plural "s"
     * allowed) anywhere in the KPI name: "churn" also covers "Churn rate" and "Monthly churn %", "escalation" also
     * "Escalations". Deliberately short: a wrong guess flips a score, and the file's own Direction column always wins.
     */
    public static final List<String> LOWER_IS_BETTER_NAMES = List.of("churn", "cost per ticket", "first response time",
            "resolution time", "backlog", "escalation", "refund");

    private static final Pattern LOWER_NAMES = Pattern.compile("(?<![\\p{L}\\p{N}])("
            + String.join("|", LOWER_IS_BETTER_NAMES.stream().map(name -> name.replace(" ", "[\\s_-]+")).toList())
            + ")s?(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final String label;

    KpiDirection(String label) {
        this.label = label;
    }

    /** As shown to users and in the templates' dropdowns. */
    public String label() {
        return label;
    }

    /** The direction a KPI of this name has when the file does not say: lower for the names listed above. */
    public static KpiDirection byName(String kpiName) {
        return LOWER_NAMES.matcher(kpiName).find() ? LOWER_IS_BETTER : HIGHER_IS_BETTER;
    }

    /** The stated direction, or else the one its name suggests. */
    public static KpiDirection resolve(@Nullable KpiDirection stated, String kpiName) {
        return stated != null ? stated : byName(kpiName);
    }

    /**
     * Reads a Direction cell as people write it: "Lower is better", "lower", "low", "down", "↓", "higher", "up",
     * "↑"… When the column's header is itself a statement ("Higher is better", "Lower is better"), yes/no answers
     * are read against it. Returns null for anything else.
     *
     * @param header the normalised header of the column (see {@link HeaderMatcher#normalize})
     */
    static @Nullable KpiDirection parse(String text, String header) {
        String s = text.strip();
        if (s.equals("↓") || s.equals("▼") || s.equals("⬇")) {
            return LOWER_IS_BETTER;
        }
        if (s.equals("↑") || s.equals("▲") || s.equals("⬆")) {
            return HIGHER_IS_BETTER;
        }
        String normalized = HeaderMatcher.normalize(s.replace('↓', ' ').replace('↑', ' '));
        KpiDirection direction = switch (normalized) {
            case "lower is better", "lower better", "low is better", "less is better", "lower", "low", "down",
                 "decrease", "minimise", "minimize", "min", "lower the better", "the lower the better" ->
                    LOWER_IS_BETTER;
            case "higher is better", "higher better", "high is better", "more is better", "higher", "high", "up",
                 "increase", "maximise", "maximize", "max", "higher the better", "the higher the better" ->
                    HIGHER_IS_BETTER;
            default -> null;
        };
        if (direction != null) {
            return direction;
        }
        Boolean yes = switch (normalized) {
            case "yes", "y", "true", "1", "x" -> Boolean.TRUE;
            case "no", "n", "false", "0" -> Boolean.FALSE;
            default -> null;
        };
        if (yes == null) {
            return null;
        }
        return switch (header) {
            case "higher is better" -> yes ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
            case "lower is better" -> yes ? LOWER_IS_BETTER : HIGHER_IS_BETTER;
            default -> null;
        };
    }
}
