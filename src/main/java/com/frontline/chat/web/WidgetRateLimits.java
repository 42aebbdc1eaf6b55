package com.frontline.chat.web;

import com.frontline.shared.BoundedBuckets;
import com.frontline.shared.TenantId;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets (Bucket4j) for anonymous widget visitors, per workspace. Buckets live in this node's memory, so with
 * several app nodes each node allows the rate on its own.
 * <p>
 * <b>Why three kinds of bucket.</b> Many people can share one client address (an office router, a mobile carrier's
 * NAT), so the address must not carry the everyday limit: with one per-address bucket for messages (60 a minute),
 * 20 visitors behind one address, each asking every 2–6 s, had 291 of 400 turns refused. Now:
 * <ol>
 *   <li><b>Per visitor</b> ({@code visitorMessages} per {@code visitorWindow}): carries the load. One person cannot
 *       chat faster than this, whoever shares their address.</li>
 *   <li><b>New sessions per address</b> ({@code ipSessions} per {@code ipWindow}): a visitor id is the browser's own,
 *       so a flooder's way around (1) is to mint visitors. Minting costs a new conversation here, and that is what
 *       this bucket counts: a session call that finds the visitor's existing conversation (the panel renews its token
 *       and reconnects) does not. People behind one NAT start conversations seldom, so 60 a minute is far above them
 *       and still stops a script.</li>
 *   <li><b>Flood ceiling per address</b> ({@code ipMessages} per {@code ipWindow}): every message, rating and
 *       session call from the address. It only catches floods: at the default 600 a minute it serves 40 visitors at
 *       one message every 4 s from one address, and a single flooder reaches it only by minting many visitors, which
 *       (2) throttles.</li>
 * </ol>
 * A per-address allowance scaled by the number of distinct active visitors was considered: it needs a set of visitors
 * per address (more memory to bound) and, since visitors are minted through (2) anyway, allows no more honest traffic
 * than a fixed ceiling sized for a large NAT. Every map is bounded ({@link BoundedBuckets}); a forgotten bucket only
 * forgives.
 */
@Component
class WidgetRateLimits {

    /** Buckets kept per kind; the least recently used go first, and a forgotten bucket only forgives. */
    static final int MAX_BUCKETS = 20_000;

    private final WidgetProperties properties;
    private final TimeMeter clock;
    private final BoundedBuckets visitors = new BoundedBuckets(MAX_BUCKETS);
    private final BoundedBuckets ratings = new BoundedBuckets(MAX_BUCKETS);
    private final BoundedBuckets newSessions = new BoundedBuckets(MAX_BUCKETS);
    private final BoundedBuckets floods = new BoundedBuckets(MAX_BUCKETS);

    @Autowired
    WidgetRateLimits(WidgetProperties properties) {
        this(properties, TimeMeter.SYSTEM_NANOTIME);
    }

    /** With a clock of the test's own. */
    WidgetRateLimits(WidgetProperties properties, TimeMeter clock) {
        this.properties = properties;
        this.clock = clock;
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

    /** Takes one message from the visitor's allowance and the address's flood ceiling, or neither. */
    Optional<Refusal> message(TenantId tenant, String visitorId, String address) {
        return visitorAndAddress(visitors, tenant, visitorId, address);
    }

    /**
     * Takes one rating or "visitor left" call from the visitor's and the address's allowance: a visitor rates and
     * leaves far less often than they write, so these share the message allowance in buckets of their own.
     */
    Optional<Refusal> rating(TenantId tenant, String visitorId, String address) {
        return visitorAndAddress(ratings, tenant, visitorId, address);
    }

    /**
     * Takes one session call from the address's flood ceiling: checked before anything is looked up, so a flood of
     * session calls costs no database work.
     */
    Optional<Refusal> sessionCall(TenantId tenant, String address) {
        return flood(tenant, address);
    }

    /** Takes one new conversation from the address's allowance of new sessions. */
    Optional<Refusal> newSession(TenantId tenant, String address) {
        return take(newSessions.get(addressKey(tenant, address),
                () -> bucket(properties.ipSessions(), properties.ipWindow())));
    }

    private Optional<Refusal> visitorAndAddress(BoundedBuckets kind, TenantId tenant, String visitorId,
                                                String address) {
        Bucket visitor = kind.get(tenant + "|" + visitorId,
                () -> bucket(properties.visitorMessages(), properties.visitorWindow()));
        Optional<Refusal> refused = take(visitor);
        if (refused.isPresent()) {
            return refused;
        }
        refused = flood(tenant, address);
        if (refused.isPresent()) {
            visitor.addTokens(1); // refused as a whole: give the visitor's token back
        }
        return refused;
    }

    private Optional<Refusal> flood(TenantId tenant, String address) {
        return take(floods.get(addressKey(tenant, address),
                () -> bucket(properties.ipMessages(), properties.ipWindow())));
    }

    private static String addressKey(TenantId tenant, String address) {
        return tenant + "|" + BoundedBuckets.addressKey(address);
    }

    private static Optional<Refusal> take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(new Refusal(Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    private Bucket bucket(int capacity, Duration window) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                .withCustomTimePrecision(clock)
                .build();
    }
}
