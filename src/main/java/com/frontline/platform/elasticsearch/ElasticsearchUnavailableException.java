package com.frontline.platform.elasticsearch;

/** Elasticsearch cannot be used (yet): still starting, failed to start, or not reachable. */
public class ElasticsearchUnavailableException extends RuntimeException {

    ElasticsearchUnavailableException(String message) {
        super(message);
    }

    ElasticsearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
