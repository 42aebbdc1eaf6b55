package com.frontline.llm.internal;

import com.frontline.shared.TenantId;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;

/** One Resilience4j circuit breaker per (workspace, provider): one workspace's failures never skip another's. */
@Component
public class Breakers {

    private final CircuitBreakerRegistry registry;

    Breakers(LlmProperties properties) {
        LlmProperties.CircuitBreaker p = properties.circuitBreaker();
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(p.windowSize())
                .minimumNumberOfCalls(Math.min(p.minimumCalls(), p.windowSize()))
                .failureRateThreshold(p.failureRatePercent())
                .waitDurationInOpenState(p.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .slowCallDurationThreshold(Duration.ofDays(1)) // timeouts count as failures, slowness alone not
                .recordExceptions(Throwable.class)
                .build());
    }

    public CircuitBreaker of(TenantId tenant, UUID providerId) {
        return registry.circuitBreaker(name(tenant, providerId));
    }

    public CircuitBreaker.State state(TenantId tenant, UUID providerId) {
        return registry.find(name(tenant, providerId)).map(CircuitBreaker::getState).orElse(CircuitBreaker.State.CLOSED);
    }

    /** After the admin changed or tested a provider, its past failures no longer count. */
    public void reset(TenantId tenant, UUID providerId) {
        registry.remove(name(tenant, providerId));
    }

    private static String name(TenantId tenant, UUID providerId) {
        return tenant.value() + "/" + providerId;
    }
}
