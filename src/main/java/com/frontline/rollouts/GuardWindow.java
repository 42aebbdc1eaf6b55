package com.frontline.rollouts;

import java.time.Instant;

/**
 * The span the guard counts at one look, and the share of the significance level it may spend there.
 *
 * @param from  the guard counts each arm's traffic from here to now
 * @param index 1 for the step's first window, 2, 3, … for each later one
 * @param level the significance level of this window's sequential test (see {@link GuardConfig#window})
 */
public record GuardWindow(Instant from, int index, double level) {

    public GuardWindow {
        if (index < 1) {
            throw new IllegalArgumentException("windows count from 1, not " + index);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("a level strictly between 0 and 1, not " + level);
        }
    }
}
