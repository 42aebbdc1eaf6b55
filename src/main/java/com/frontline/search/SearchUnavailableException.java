package com.frontline.search;

/**
 * The knowledge index cannot be searched right now: Elasticsearch is starting, down, unreachable or failing. Callers
 * such as the chat catch this to answer without passages (or say so) instead of failing the request.
 */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
