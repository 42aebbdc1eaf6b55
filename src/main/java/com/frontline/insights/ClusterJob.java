package com.frontline.insights;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

/**
 * The last re-cluster asked for in a workspace, run in the background.
 *
 * @param questions unanswered questions being clustered
 * @param runs      how many times the task has run for the workspace
 * @param error     what went wrong, when it failed (the previous clusters stay)
 */
public record ClusterJob(Status status, int questions, int runs, OffsetDateTime requestedAt,
                         @Nullable OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt,
                         @Nullable String error) {

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED;

        public boolean active() {
            return this == QUEUED || this == RUNNING;
        }
    }

    public boolean active() {
        return status.active();
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
