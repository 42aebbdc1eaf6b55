package com.frontline.analytics;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Periods and their comparison, the response-time histogram and its median, and which days the roll-up serves. */
class AnalyticsUnitTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void aPeriodComparesWithTheSameNumberOfDaysJustBefore() {
        Period week = Period.lastDays(TODAY, 7);
        assertThat(week).isEqualTo(new Period(LocalDate.of(2026, 12, 1), TODAY));
        assertThat(week.days()).isEqualTo(7);
        assertThat(week.previous()).isEqualTo(new Period(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 30)));
        Period custom = new Period(LocalDate.of(2026, 2, 27), LocalDate.of(2026, 3, 2)); // across a month end
        assertThat(custom.days()).isEqualTo(4);
        assertThat(custom.previous()).isEqualTo(new Period(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 2, 26)));
        Period day = new Period(TODAY, TODAY);
        assertThat(day.previous()).isEqualTo(new Period(TODAY.minusDays(1), TODAY.minusDays(1)));
        assertThat(day.to()).isEqualTo(TODAY.plusDays(1).atStartOfDay().atOffset(java.time.ZoneOffset.UTC));
        assertThatThrownBy(() -> new Period(TODAY, TODAY.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMedianIsReadFromTheBucketsWithinTheBucketThatHoldsIt() {
        assertThat(ResponseTimes.median(new int[ResponseTimes.BUCKETS])).isNull();
        // 45 s, 50 s, 55 s: all in the (30 s, 60 s] bucket; the median lies inside it
        int[] buckets = ResponseTimes.histogram(List.of(45L, 50L, 55L));
        assertThat(buckets[1]).isEqualTo(3);
        assertThat(ResponseTimes.median(buckets)).isBetween(30.0, 60.0);
        // 10 s, then four at about 4 minutes: the median is in the (2 min, 5 min] bucket
        buckets = ResponseTimes.histogram(List.of(10L, 230L, 240L, 250L, 260L));
        assertThat(ResponseTimes.median(buckets)).isBetween(120.0, 300.0);
        assertThat(ResponseTimes.bucket(0)).isZero();
        assertThat(ResponseTimes.bucket(30)).isZero();
        assertThat(ResponseTimes.bucket(31)).isEqualTo(1);
        assertThat(ResponseTimes.bucket(200_000)).isEqualTo(ResponseTimes.BUCKETS - 1);
        assertThat(ResponseTimes.median(ResponseTimes.histogram(List.of(200_000L, 300_000L)))).isEqualTo(86_400.0);
        assertThat(ResponseTimes.format(86_400)).isEqualTo("more than a day");
        assertThat(ResponseTimes.format(45)).isEqualTo("45 s");
        assertThat(ResponseTimes.format(600)).isEqualTo("10 min");
        assertThat(ResponseTimes.format(9000)).isEqualTo("2.5 h");
        // histograms add up: the median of two days is that of their times together
        int[] sum = ResponseTimes.histogram(List.of(20L, 25L));
        ResponseTimes.add(sum, ResponseTimes.histogram(List.of(4000L)));
        assertThat(sum).isEqualTo(ResponseTimes.histogram(List.of(20L, 25L, 4000L)));
    }

    @Test
    void totalsAddDaysUpAndRatesAreNullWithNothingToDivideBy() {
        DayFigures one = new DayFigures(TODAY, 10, 30, 6, 2, 1, ResponseTimes.histogram(List.of(100L)), 20, 8, 6, 4,
                5, 3.5);
        DayFigures two = new DayFigures(TODAY.minusDays(1), 10, 10, 2, 3, 2, ResponseTimes.histogram(List.of(50L,
                70L)), 20, 2, 0, 0, 0, 0);
        Totals t = Totals.of(List.of(one, two));
        assertThat(t.conversations()).isEqualTo(20);
        assertThat(t.deflectionRate()).isCloseTo(0.4, within(1e-9));
        assertThat(t.handoffRate()).isCloseTo(0.25, within(1e-9));
        assertThat(t.fallbackRate()).isCloseTo(0.1, within(1e-9));
        assertThat(t.helpfulRate()).isCloseTo(0.6, within(1e-9));
        assertThat(t.implicitSatisfaction()).isCloseTo(0.7, within(1e-9));
        assertThat(t.medianFirstResponseSeconds()).isBetween(60.0, 120.0);
        Totals none = Totals.of(List.of());
        assertThat(none.deflectionRate()).isNull();
        assertThat(none.helpfulRate()).isNull();
        assertThat(none.implicitSatisfaction()).isNull();
        assertThat(none.medianFirstResponseSeconds()).isNull();
    }

    @Test
    void rolledUpDaysComeFromTheRollUpAndTheRestIsReadLiveEachDayOnce() {
        LocalDate first = TODAY.minusDays(9);
        // rolled up through three days ago, one changed day in between
        RollupPlan plan = RollupPlan.of(first, TODAY, TODAY.minusDays(3), Set.of(TODAY.minusDays(5)));
        assertThat(plan.rolledUp()).hasSize(6).doesNotContain(TODAY.minusDays(5));
        assertThat(plan.live()).containsExactly(new RollupPlan.Span(TODAY.minusDays(5), TODAY.minusDays(5)),
                new RollupPlan.Span(TODAY.minusDays(2), TODAY));
        // never rolled up: all live, one span
        assertThat(RollupPlan.of(first, TODAY, null, Set.of()).live())
                .containsExactly(new RollupPlan.Span(first, TODAY));
        // many changed days apart: still every rolled-up day from the roll-up (transcripts may be gone)
        Set<LocalDate> every = new java.util.HashSet<>();
        for (int i = 2; i < 80; i += 2) {
            every.add(TODAY.minusDays(i));
        }
        RollupPlan many = RollupPlan.of(TODAY.minusDays(89), TODAY, TODAY.minusDays(1), every);
        assertThat(many.rolledUp()).hasSize(89 - every.size());
        assertThat(many.rolledUp().size() + many.live().stream()
                .mapToLong(s -> s.last().toEpochDay() - s.first().toEpochDay() + 1).sum()).isEqualTo(90);
    }
}
