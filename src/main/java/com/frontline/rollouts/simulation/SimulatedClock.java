package com.frontline.rollouts.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when told to. */
public final class SimulatedClock implements InstantSource {

    private Instant now;

    public SimulatedClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a simulated clock only moves forward");
        }
        now = now.plus(d);
    }
}
