package com.frontline.knowledge;

import org.jspecify.annotations.Nullable;

/** The workspace's knowledge base at a glance: ready, indexing or with errors, and a rebuild's progress. */
public record KnowledgeStatus(int documents, long chunks, int indexing, int failed, @Nullable RebuildProgress rebuild) {

    public enum State { EMPTY, READY, INDEXING, ERROR }

    public record RebuildProgress(int total, int done, boolean finished, @Nullable String error) {
        public int percent() {
            return total == 0 ? 100 : (int) Math.round(100.0 * done / total);
        }
    }

    public State state() {
        if (indexing > 0 || (rebuild != null && !rebuild.finished())) {
            return State.INDEXING;
        }
        if (failed > 0) {
            return State.ERROR;
        }
        return documents == 0 ? State.EMPTY : State.READY;
    }
}
