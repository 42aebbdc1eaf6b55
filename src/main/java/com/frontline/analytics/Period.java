package com.frontline.analytics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A period of whole UTC days, {@code first} to {@code last} inclusive.
 */
public record Period(LocalDate first, LocalDate last) {

    public Period {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("A period ends on or after its first day");
        }
    }

    /** The {@code days} days up to and including {@code last}. */
    public static Period lastDays(LocalDate last, int days) {
        return new Period(last.minusDays(days - 1L), last);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** The period of the same length just before this one, to compare with. */
    public Period previous() {
        return new Period(first.minusDays(days()), first.minusDays(1));
    }

    /** Where the period starts: the first day's midnight, UTC. */
    public OffsetDateTime from() {
        return first.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** Where the period ends (exclusive): the midnight after the last day, UTC. */
    public OffsetDateTime to() {
        return last.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
