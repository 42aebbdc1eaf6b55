package com.frontline.chat;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How the cards' daily figures for {@code [from, to)} are read: a UTC day the period covers whole, that the roll-up
 * has reached ({@code completeThrough}) and that did not change since ({@code stale}) comes from the roll-up; the
 * rest (today, days not rolled up yet, changed days, and a part-day at either end of the period) is read live.
 * Every day is read one way only. With more than {@value #MAX_LIVE_SPANS} separate live spans the whole period is
 * read live.
 *
 * @param rolledUp the days read from the roll-up, oldest first
 * @param live     the spans read live, oldest first, adjacent ones merged
 */
record FeedbackRollupPlan(List<LocalDate> rolledUp, List<Span> live) {

    /** Above this many separate live spans, the whole period is read live (each span is a scan of its own). */
    static final int MAX_LIVE_SPANS = 16;

    /** {@code [from, to)}. */
    record Span(OffsetDateTime from, OffsetDateTime to) {
    }

    FeedbackRollupPlan {
        rolledUp = List.copyOf(rolledUp);
        live = List.copyOf(live);
    }

    static FeedbackRollupPlan of(OffsetDateTime from, OffsetDateTime to, @Nullable LocalDate completeThrough,
                                 Set<LocalDate> stale) {
        List<LocalDate> rolledUp = new ArrayList<>();
        List<Span> live = new ArrayList<>();
        for (LocalDate day : FeedbackReviewService.days(from, to)) {
            OffsetDateTime start = day.atStartOfDay().atOffset(ZoneOffset.UTC);
            OffsetDateTime end = start.plusDays(1);
            boolean whole = !from.isAfter(start) && !to.isBefore(end);
            if (whole && completeThrough != null && !day.isAfter(completeThrough) && !stale.contains(day)) {
                rolledUp.add(day);
                continue;
            }
            OffsetDateTime a = from.isAfter(start) ? from : start;
            OffsetDateTime b = to.isBefore(end) ? to : end;
            if (!live.isEmpty() && !live.getLast().to().isBefore(a)) {
                live.set(live.size() - 1, new Span(live.getLast().from(), b));
            } else {
                live.add(new Span(a, b));
            }
        }
        if (live.size() > MAX_LIVE_SPANS) {
            // many changed days apart (a bulk import of history): one live read of the period is cheaper
            return new FeedbackRollupPlan(List.of(), List.of(new Span(from, to)));
        }
        return new FeedbackRollupPlan(rolledUp, live);
    }
}
