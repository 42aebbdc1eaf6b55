package com.frontline.rollouts;

import java.util.Map;

/**
 * The decision so far, in words, with the numbers behind it.
 *
 * @param verdict HOLD (no verdict yet), OK, ROLL_BACK, ADVANCE (the next step may start) or COMPLETE
 * @param numbers the figures the words rest on, by name, in reading order
 */
public record Decision(String verdict, String words, Map<String, Object> numbers) {

    public static final String HOLD = "HOLD";
    public static final String OK = "OK";
    public static final String ROLL_BACK = "ROLL_BACK";
    public static final String ADVANCE = "ADVANCE";
    public static final String COMPLETE = "COMPLETE";
}
