package com.frontline.rollouts;

/** What an experiment does with the traffic. */
public enum ExperimentKind {
    /** A fixed split between two or more versions (A/B or A/B/n), compared until someone stops it. */
    AB,
    /** A candidate version takes a growing share (10 % → 50 % → 100 %) and becomes live at the end. */
    ROLLOUT
}
