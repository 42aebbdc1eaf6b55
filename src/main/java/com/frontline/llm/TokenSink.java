package com.frontline.llm;

/** Receives an answer's text as it is generated. Called from the provider's thread, one call at a time. */
public interface TokenSink {

    void token(String delta);

    /** The streamed text so far is void (a provider failed mid-answer); the next hop starts again. */
    default void restart() {
    }

    /** Discards everything. */
    static TokenSink none() {
        return delta -> {
        };
    }
}
