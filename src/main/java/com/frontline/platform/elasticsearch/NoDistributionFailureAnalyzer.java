package com.frontline.platform.elasticsearch;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start that fails for want of an Elasticsearch distribution ends with Spring Boot's short "APPLICATION FAILED TO
 * START" report, saying where it looked and what to set, instead of a page of nested bean-creation errors.
 */
class NoDistributionFailureAnalyzer extends AbstractFailureAnalyzer<NoDistributionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoDistributionException cause) {
        String message = String.valueOf(cause.getMessage());
        // the report's Action says what to do; the Description need not say it too
        return new FailureAnalysis(message.replace(" " + DistributionLocator.HINT, ""), DistributionLocator.HINT,
                cause);
    }
}
