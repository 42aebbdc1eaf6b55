package com.frontline.chat;

import com.frontline.chat.FeedbackRollupPlan.Span;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which days of a period the cards read from the roll-up and which they read live. */
class FeedbackRollupPlanTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

    static OffsetDateTime midnight(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    static List<LocalDate> daysFrom(LocalDate first, LocalDate last) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    @Test
    void aWorkspaceNotRolledUpYetIsReadLiveWhole() {
        OffsetDateTime from = midnight(TODAY.minusDays(13));
        OffsetDateTime to = midnight(TODAY.plusDays(1));
        FeedbackRollupPlan plan = FeedbackRollupPlan.of(from, to, null, Set.of());
        assertThat(plan.rolledUp()).isEmpty();
        assertThat(plan.live()).containsExactly(new Span(from, to));
    }

    @Test
    void pastDaysComeFromTheRollUpAndTodayIsLive() {
        FeedbackRollupPlan plan = FeedbackRollupPlan.of(midnight(TODAY.minusDays(13)), midnight(TODAY.plusDays(1)),
                TODAY.minusDays(1), Set.of());
        assertThat(plan.rolledUp()).isEqualTo(daysFrom(TODAY.minusDays(13), TODAY.minusDays(1)));
        assertThat(plan.live()).containsExactly(new Span(midnight(TODAY), midnight(TODAY.plusDays(1))));
    }

    @Test
    void daysTheRollUpHasNotReachedAreLiveWithToday() {
        // just after midnight the job has not rolled up yesterday yet
        FeedbackRollupPlan plan = FeedbackRollupPlan.of(midnight(TODAY.minusDays(6)), midnight(TODAY.plusDays(1)),
                TODAY.minusDays(2), Set.of());
        assertThat(plan.rolledUp()).isEqualTo(daysFrom(TODAY.minusDays(6), TODAY.minusDays(2)));
        assertThat(plan.live()).containsExactly(new Span(midnight(TODAY.minusDays(1)), midnight(TODAY.plusDays(1))));
    }

    @Test
    void aChangedDayIsReadLiveOnItsOwn() {
        LocalDate changed = TODAY.minusDays(4);
        LocalDate changedToo = TODAY.minusDays(1);
        FeedbackRollupPlan plan = FeedbackRollupPlan.of(midnight(TODAY.minusDays(6)), midnight(TODAY.plusDays(1)),
                TODAY.minusDays(1), Set.of(changed, changedToo));
        assertThat(plan.rolledUp()).containsExactly(TODAY.minusDays(6), TODAY.minusDays(5), TODAY.minusDays(3),
                TODAY.minusDays(2));
        // yesterday changed: one span with today
        assertThat(plan.live()).containsExactly(
                new Span(midnight(changed), midnight(changed.plusDays(1))),
                new Span(midnight(changedToo), midnight(TODAY.plusDays(1))));
    }

    @Test
    void aPartDayAtEitherEndIsLive() {
        OffsetDateTime from = midnight(TODAY.minusDays(5)).plusHours(15);
        OffsetDateTime to = midnight(TODAY.minusDays(1)).plusHours(9);
        FeedbackRollupPlan plan = FeedbackRollupPlan.of(from, to, TODAY.minusDays(1), Set.of());
        assertThat(plan.rolledUp()).isEqualTo(daysFrom(TODAY.minusDays(4), TODAY.minusDays(2)));
        assertThat(plan.live()).containsExactly(
                new Span(from, midnight(TODAY.minusDays(4))),
                new Span(midnight(TODAY.minusDays(1)), to));
    }

    @Test
    void daysAreUtcDaysWhateverTheOffsetOfThePeriod() {
        // midnight in Berlin is 23:00 UTC the day before: both ends are part-days in UTC
        OffsetDateTime from = TODAY.minusDays(3).atStartOfDay().atOffset(ZoneOffset.ofHours(1));
        OffsetDateTime to = TODAY.atStartOfDay().atOffset(ZoneOffset.ofHours(1));
        FeedbackRollupPlan plan = FeedbackRollupPlan.of(from, to, TODAY.minusDays(1), Set.of());
        assertThat(plan.rolledUp()).containsExactly(TODAY.minusDays(3), TODAY.minusDays(2));
        assertThat(plan.live()).containsExactly(
                new Span(from, midnight(TODAY.minusDays(3))),
                new Span(midnight(TODAY.minusDays(1)), to));
    }

    @Test
    void manyChangedDaysApartAreReadLiveInOneGo() {
        OffsetDateTime from = midnight(TODAY.minusDays(89));
        OffsetDateTime to = midnight(TODAY.plusDays(1));
        Set<LocalDate> everyOtherDay = new java.util.HashSet<>();
        for (int i = 0; i < FeedbackRollupPlan.MAX_LIVE_SPANS - 1; i++) {
            everyOtherDay.add(TODAY.minusDays(3 + 2L * i));
        }
        // one span per changed day, and today: at the limit
        FeedbackRollupPlan plan = FeedbackRollupPlan.of(from, to, TODAY.minusDays(1), everyOtherDay);
        assertThat(plan.live()).hasSize(FeedbackRollupPlan.MAX_LIVE_SPANS);
        assertThat(plan.rolledUp()).hasSize(89 - everyOtherDay.size());

        everyOtherDay.add(TODAY.minusDays(3 + 2L * FeedbackRollupPlan.MAX_LIVE_SPANS));
        plan = FeedbackRollupPlan.of(from, to, TODAY.minusDays(1), everyOtherDay);
        assertThat(plan.rolledUp()).isEmpty();
        assertThat(plan.live()).containsExactly(new Span(from, to));
    }

    @Test
    void everyMomentOfThePeriodIsReadExactlyOnce() {
        OffsetDateTime from = midnight(TODAY.minusDays(40)).plusMinutes(7);
        OffsetDateTime to = midnight(TODAY).plusHours(13);
        FeedbackRollupPlan plan = FeedbackRollupPlan.of(from, to, TODAY.minusDays(3),
                Set.of(TODAY.minusDays(10), TODAY.minusDays(11), TODAY.minusDays(30)));
        List<Span> covered = new ArrayList<>(plan.live());
        plan.rolledUp().forEach(d -> covered.add(new Span(midnight(d), midnight(d.plusDays(1)))));
        covered.sort((a, b) -> a.from().compareTo(b.from()));
        assertThat(covered.getFirst().from()).isEqualTo(from);
        assertThat(covered.getLast().to()).isEqualTo(to);
        for (int i = 1; i < covered.size(); i++) {
            assertThat(covered.get(i).from()).isEqualTo(covered.get(i - 1).to());
        }
        assertThat(plan.rolledUp()).doesNotContain(TODAY.minusDays(10), TODAY.minusDays(11), TODAY.minusDays(30),
                TODAY.minusDays(40), TODAY.minusDays(2), TODAY);
    }
}
