package com.frontline.rollouts;

/**
 * One arm of an experiment's split in force: "baseline", "candidate", or "b", "c", … for the other arms of an A/B/n
 * experiment, the assistant version it serves, and its share of the traffic in basis points (1,000 = 10 %).
 */
public record ExperimentArm(String name, int version, int basisPoints) {

    public static final String BASELINE = "baseline";
    public static final String CANDIDATE = "candidate";

    public boolean baseline() {
        return BASELINE.equals(name);
    }

    /** "v3". */
    public String versionLabel() {
        return "v" + version;
    }

    /** "10 %", "12.5 %". */
    public String percent() {
        return Split.percent(basisPoints);
    }
}
