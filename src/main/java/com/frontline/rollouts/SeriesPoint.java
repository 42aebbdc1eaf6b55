package com.frontline.rollouts;

import com.frontline.rollouts.stats.Interval;
import com.frontline.rollouts.stats.Rate;

import java.time.Instant;

/** One arm's helpful rate over one bucket (an hour, or a day for long experiments) starting at {@code from}. */
public record SeriesPoint(Instant from, String arm, Rate helpful, Interval ci) {
}
