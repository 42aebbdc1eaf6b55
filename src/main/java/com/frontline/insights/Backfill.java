package com.frontline.insights;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * How far the analysis of a workspace's earlier conversations has come.
 *
 * @param total    conversations to walk when it started
 * @param done     conversations walked so far
 * @param analysed of those, the ones the backfill analysed (the others the live batches had noted already)
 * @param after    the watermark: the last conversation id walked
 */
public record Backfill(Status status, int total, int done, int analysed, @Nullable UUID after,
                       OffsetDateTime startedAt, @Nullable OffsetDateTime finishedAt) {

    public enum Status { RUNNING, DONE }

    public boolean running() {
        return status == Status.RUNNING;
    }

    /** The total to show: conversations that arrived while it ran may be walked too. */
    public int shownTotal() {
        return Math.max(total, done);
    }
}
