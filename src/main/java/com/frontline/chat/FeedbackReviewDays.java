package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cards' daily figures: past days from the daily roll-up ({@link FeedbackRollupRepository}), today, days the
 * roll-up has not reached yet and past days that changed since they were rolled up live from the answers
 * ({@link FeedbackReviewRepository#days}), so the figures are always those of the answers as they are now (see
 * {@link FeedbackRollupPlan}). Call within one transaction (repeatable read) for one consistent view.
 */
@Component
class FeedbackReviewDays {

    private final FeedbackReviewRepository reviews;
    private final FeedbackRollupRepository rollups;

    FeedbackReviewDays(FeedbackReviewRepository reviews, FeedbackRollupRepository rollups) {
        this.reviews = reviews;
        this.rollups = rollups;
    }

    /** One figure per UTC day in {@code [from, to)} that had answers, oldest first. */
    List<FeedbackReviewDay> days(TenantId tenant, OffsetDateTime from, OffsetDateTime to, @Nullable Channel channel,
                                 FeedbackReviewFilter.@Nullable ProviderModel providerModel) {
        FeedbackRollupPlan plan = plan(tenant, from, to);
        List<FeedbackReviewDay> days = new ArrayList<>();
        if (!plan.rolledUp().isEmpty()) {
            Set<LocalDate> wanted = new HashSet<>(plan.rolledUp());
            // one range read; the days inside it that are read live (changed since) are dropped here
            rollups.rolledUp(tenant, plan.rolledUp().getFirst(), plan.rolledUp().getLast(), channel, providerModel)
                    .stream().filter(d -> wanted.contains(d.day())).forEach(days::add);
        }
        days.addAll(reviews.days(tenant, plan.live(), channel, providerModel));
        days.sort(Comparator.comparing(FeedbackReviewDay::day));
        return days;
    }

    /** Which days of the period come from the roll-up and which are read live. */
    FeedbackRollupPlan plan(TenantId tenant, OffsetDateTime from, OffsetDateTime to) {
        LocalDate completeThrough = rollups.completeThrough(tenant).orElse(null);
        Set<LocalDate> stale = Set.of();
        LocalDate first = from.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        if (completeThrough != null && !first.isAfter(completeThrough)) {
            stale = rollups.staleDays(tenant, first, completeThrough);
        }
        return FeedbackRollupPlan.of(from, to, completeThrough, stale);
    }
}
