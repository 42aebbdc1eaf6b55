package com.frontline.analytics;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How the days {@code [first, last]} of a period are read: a day the roll-up has reached ({@code completeThrough})
 * and that did not change since ({@code stale}) comes from the roll-up; the rest (today, days not rolled up yet,
 * changed days) is read live. Every day is read one way only. Periods here are whole UTC days. Unlike the feedback
 * review's plan, a rolled-up day is never read live instead, however many live spans a period has: its transcripts
 * may be gone (retention), the roll-up is what remains.
 *
 * @param rolledUp the days read from the roll-up, oldest first
 * @param live     the spans of days read live ({@code [first, last]} each), oldest first, adjacent ones merged
 */
record RollupPlan(List<LocalDate> rolledUp, List<Span> live) {

    record Span(LocalDate first, LocalDate last) {
    }

    RollupPlan {
        rolledUp = List.copyOf(rolledUp);
        live = List.copyOf(live);
    }

    static RollupPlan of(LocalDate first, LocalDate last, @Nullable LocalDate completeThrough, Set<LocalDate> stale) {
        List<LocalDate> rolledUp = new ArrayList<>();
        List<Span> live = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (completeThrough != null && !day.isAfter(completeThrough) && !stale.contains(day)) {
                rolledUp.add(day);
            } else if (!live.isEmpty() && live.getLast().last().plusDays(1).equals(day)) {
                live.set(live.size() - 1, new Span(live.getLast().first(), day));
            } else {
                live.add(new Span(day, day));
            }
        }
        return new RollupPlan(rolledUp, live);
    }
}
