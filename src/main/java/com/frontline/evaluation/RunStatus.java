package com.frontline.evaluation;

/** Where an evaluation run is. */
public enum RunStatus {
    RUNNING, DONE, FAILED
}
