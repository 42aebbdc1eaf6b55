/**
 * The statistics behind rollouts, free of any framework: Wilson score intervals for a rate, the pooled
 * two-proportion z-test, intervals for a difference of rates, the mixture sequential probability ratio test whose
 * always-valid p-value stays honest however often it is looked at, and latency percentiles. Exposed as the named
 * interface {@code stats}, so that other modules (dashboards, alerts) can put the same intervals on their rates.
 */
@NullMarked
@NamedInterface("stats")
package com.frontline.rollouts.stats;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
