package com.frontline.chat.web;

import com.frontline.shared.BoundedBuckets;
import com.frontline.shared.TenantId;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets (Bucket4j) for anonymous widget visitors, per workspace: one per visitor for messages, one per
 * client IP address for messages and new sessions together. Buckets live in this node's memory, so with several app
 * nodes each node allows the rate on its own.
 */
@Component
class WidgetRateLimits {

    /** Buckets kept per kind; the least recently used go first, and a forgotten bucket only forgives. */
    static final int MAX_BUCKETS = 20_000;

    private final WidgetProperties properties;
    private final BoundedBuckets visitors = new BoundedBuckets(MAX_BUCKETS);
    private final BoundedBuckets addresses = new BoundedBuckets(MAX_BUCKETS);
    private final BoundedBuckets ratings = new BoundedBuckets(MAX_BUCKETS);

    WidgetRateLimits(WidgetProperties properties) {
        this.properties = properties;
    }

    /** How long to wait when refused. */
    record Refusal(Duration retryAfter) {

        /** Whole seconds, rounded up. */
        long seconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }

        String message() {
            long seconds = seconds();
            return "You're sending messages too quickly. Please wait " + seconds
                    + (seconds == 1 ? " second" : " seconds") + " and try again.";
        }
    }

    /** Takes one message from the visitor's and the address's allowance, or neither. */
    Optional<Refusal> message(TenantId tenant, String visitorId, String address) {
        Bucket visitor = visitors.get(tenant + "|" + visitorId,
                () -> bucket(properties.visitorMessages(), properties.visitorWindow()));
        ConsumptionProbe probe = visitor.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return Optional.of(new Refusal(Duration.ofNanos(probe.getNanosToWaitForRefill())));
        }
        Optional<Refusal> refused = address(tenant, address);
        if (refused.isPresent()) {
            visitor.addTokens(1); // refused as a whole: give the visitor's token back
        }
        return refused;
    }

    /**
     * Takes one rating or "visitor left" call from the visitor's and the address's allowance: a visitor rates and
     * leaves far less often than they write, so these share the message allowance in buckets of their own.
     */
    Optional<Refusal> rating(TenantId tenant, String visitorId, String address) {
        Bucket visitor = ratings.get(tenant + "|" + visitorId,
                () -> bucket(properties.visitorMessages(), properties.visitorWindow()));
        ConsumptionProbe probe = visitor.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return Optional.of(new Refusal(Duration.ofNanos(probe.getNanosToWaitForRefill())));
        }
        Optional<Refusal> refused = address(tenant, address);
        if (refused.isPresent()) {
            visitor.addTokens(1);
        }
        return refused;
    }

    /** Takes one request from the address's allowance (a new chat session). */
    Optional<Refusal> session(TenantId tenant, String address) {
        return address(tenant, address);
    }

    private Optional<Refusal> address(TenantId tenant, String address) {
        Bucket bucket = addresses.get(tenant + "|" + BoundedBuckets.addressKey(address),
                () -> bucket(properties.ipRequests(), properties.ipWindow()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(new Refusal(Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    private static Bucket bucket(int capacity, Duration window) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                .build();
    }
}
