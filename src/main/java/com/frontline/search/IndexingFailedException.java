package com.frontline.search;

/**
 * Elasticsearch refused some chunks of a bulk request. The other chunks of that request were written; indexing the
 * same chunks again is safe, because a chunk's document id is fixed.
 */
public class IndexingFailedException extends RuntimeException {

    private final int failed;

    public IndexingFailedException(String message, int failed) {
        super(message);
        this.failed = failed;
    }

    /** How many chunks were not written. */
    public int failed() {
        return failed;
    }
}
