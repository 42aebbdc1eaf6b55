package com.frontline.rollouts;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.InstantSource;

/**
 * The time the rollouts module reads (a step's start, the guard window, "1 minute ago"): the system clock, replaced
 * in tests by one they drive.
 */
@Component
class RolloutClock implements InstantSource {

    private final InstantSource source;

    RolloutClock() {
        this(InstantSource.system());
    }

    RolloutClock(InstantSource source) {
        this.source = source;
    }

    @Override
    public Instant instant() {
        return source.instant();
    }
}
