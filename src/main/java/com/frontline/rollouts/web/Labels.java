package com.frontline.rollouts.web;

import com.frontline.rollouts.Experiment;
import com.frontline.rollouts.ExperimentKind;
import com.frontline.rollouts.ExperimentStatus;
import com.frontline.rollouts.PlanStep;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Words and badge classes the rollout templates share (a model attribute, {@code labels}). */
final class Labels {

    static final Labels INSTANCE = new Labels();

    private Labels() {
    }

    public String status(ExperimentStatus s) {
        return switch (s) {
            case GATING -> "Gate running";
            case BLOCKED -> "Blocked by the gate";
            case RUNNING -> "Running";
            case COMPLETED -> "Completed";
            case ROLLED_BACK -> "Rolled back";
            case STOPPED -> "Stopped";
        };
    }

    /** The badge class: amber while waiting, red when refused or rolled back, green when running or done. */
    public String statusCss(ExperimentStatus s) {
        return switch (s) {
            case GATING -> "warn";
            case BLOCKED, ROLLED_BACK -> "bad";
            case RUNNING -> "rollout-running";
            case COMPLETED -> "ok";
            case STOPPED -> "off";
        };
    }

    public String kind(ExperimentKind k) {
        return k == ExperimentKind.AB ? "A/B experiment" : "Gradual rollout";
    }

    /** The guard's verdict as a short badge. */
    public String verdict(String verdict) {
        return switch (verdict) {
            case "HOLD" -> "Waiting for data";
            case "OK" -> "Guard holds";
            case "ROLL_BACK" -> "Roll back";
            case "ADVANCE" -> "Ready to advance";
            case "COMPLETE" -> "Complete";
            default -> verdict;
        };
    }

    public String verdictCss(String verdict) {
        return switch (verdict) {
            case "HOLD" -> "warn";
            case "ROLL_BACK" -> "bad";
            case "OK", "ADVANCE", "COMPLETE" -> "ok";
            default -> "off";
        };
    }

    /** "Rollback", "Advance" … from the history's action names (ROLLBACK, AUTO_ADVANCE …). */
    public String action(String action) {
        String words = action.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Who changed the split: the person, else the offline gate or the guard. */
    public String who(com.frontline.rollouts.DeploymentEvent event) {
        if (event.actor() != null) {
            return event.actor();
        }
        return event.action().startsWith("gate") ? "the offline gate" : "the guard";
    }

    public boolean live(Experiment e) {
        return e.status() == ExperimentStatus.GATING || e.status() == ExperimentStatus.BLOCKED
                || e.status() == ExperimentStatus.RUNNING;
    }

    /** A rollout that can go one step further now (not for A/B, not at its last step). */
    public boolean canAdvance(Experiment e) {
        return e.kind() == ExperimentKind.ROLLOUT && e.status() == ExperimentStatus.RUNNING
                && e.step() + 1 < e.plan().size();
    }

    /** "Step 1 of 3: 10 %". */
    public String step(Experiment e) {
        if (e.kind() != ExperimentKind.ROLLOUT || e.step() < 0 || e.step() >= e.plan().size()) {
            return "";
        }
        return "Step " + (e.step() + 1) + " of " + e.plan().size() + ": "
                + SplitBar.percent(e.plan().get(e.step()).candidateBasisPoints());
    }

    public String stepPercent(PlanStep s) {
        return SplitBar.percent(s.candidateBasisPoints());
    }

    /** "1 h", "90 min", "2 days". */
    public String duration(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % (24 * 60) == 0 && minutes >= 24 * 60) {
            long days = minutes / (24 * 60);
            return days + (days == 1 ? " day" : " days");
        }
        if (minutes % 60 == 0 && minutes >= 60) {
            return minutes / 60 + " h";
        }
        return minutes + " min";
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** "7 Dec 2026, 10:00 UTC". */
    public String time(Instant at) {
        return TIME.format(at);
    }

    /** "7 Dec, 10:00" (UTC), for tables. */
    public String shortTime(Instant at) {
        return SHORT_TIME.format(at);
    }

    /** How long ago, in a few words: "just now", "5 min ago", "3 h ago", "2 days ago". */
    public String ago(Instant at) {
        Duration d = Duration.between(at, Instant.now());
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h ago";
        }
        return d.toDays() + (d.toDays() == 1 ? " day ago" : " days ago");
    }

    public String percent(double fraction) {
        return HelpfulDifference.relative(fraction);
    }

    /**
     * A number from a decision or an event, written for reading: counts with separators, fractions to four decimals
     * without trailing zeros, instants as times; anything else as it is.
     */
    public String number(@org.jspecify.annotations.Nullable Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "–";
            }
            if (Math.abs(d) >= 1000) {
                return String.format(Locale.ROOT, "%,.0f", d);
            }
            return java.math.BigDecimal.valueOf(d).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
        }
        if (value instanceof Instant at) {
            return time(at);
        }
        if (value instanceof String s && s.length() >= 20 && s.charAt(4) == '-' && s.endsWith("Z")) {
            try {
                return time(Instant.parse(s));
            } catch (java.time.format.DateTimeParseException e) {
                return s;
            }
        }
        return value == null ? "–" : String.valueOf(value);
    }

    /** An evaluation score: a fraction from 0 to 1 as a percentage, anything else as it is. */
    public String score(@org.jspecify.annotations.Nullable Double score) {
        if (score == null) {
            return "–";
        }
        return score >= 0 && score <= 1 ? String.format(Locale.ROOT, "%.1f %%", score * 100) : number(score);
    }

    public boolean hasNumbers(Map<String, Object> numbers) {
        return numbers != null && !numbers.isEmpty();
    }
}
