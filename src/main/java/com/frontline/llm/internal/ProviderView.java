package com.frontline.llm.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** A provider as the settings page shows it: the key only by its last four characters. */
public record ProviderView(ProviderConfig config, String maskedKey, CircuitBreaker.State circuit) {

    public boolean circuitOpen() {
        return circuit == CircuitBreaker.State.OPEN || circuit == CircuitBreaker.State.FORCED_OPEN;
    }
}
