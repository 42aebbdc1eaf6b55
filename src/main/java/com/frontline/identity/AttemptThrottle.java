package com.frontline.identity;

import com.frontline.shared.BoundedBuckets;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Back-off after failed attempts to sign in, sign up or accept an invitation: per account (the e-mail address, or the
 * signed-in user) and per client address, with Bucket4j. Only failures take a token; a success clears the account's
 * bucket. Each account bucket has two limits, so the wait grows but stays short: 5 failures are free, then one try a
 * minute, and after 10 failures within the hour one try every 6 minutes. That slows guessing to a crawl while an
 * attacker who types a victim's address can hold them off for minutes, never for good. A client address gets 20
 * failures, then one every 30 seconds (and at most 60 an hour), so guessing across many accounts from one address
 * is throttled too. A refusal is decided before the password is checked: a correct password during a wait does not
 * sign in. The client address is the one Tomcat resolved, so X-Forwarded-For counts only from trusted proxies.
 * Buckets live in this node's memory.
 */
@Component
public class AttemptThrottle {

    /** What was attempted; each kind has its own buckets. */
    public enum Kind { SIGN_IN, SIGN_UP, INVITE }

    static final int MAX_BUCKETS = 50_000;

    private final BoundedBuckets accounts = new BoundedBuckets(MAX_BUCKETS);
    private final BoundedBuckets addresses = new BoundedBuckets(MAX_BUCKETS);

    /** How long to wait before trying again, if this attempt must be refused. */
    public Optional<Duration> refusal(Kind kind, String account, String address) {
        Duration wait = Duration.ZERO;
        for (Bucket bucket : new Bucket[]{accounts.peek(accountKey(kind, account)),
                addresses.peek(addressKey(kind, address))}) {
            if (bucket != null) {
                EstimationProbe probe = bucket.estimateAbilityToConsume(1);
                if (!probe.canBeConsumed()) {
                    Duration w = Duration.ofNanos(probe.getNanosToWaitForRefill());
                    wait = w.compareTo(wait) > 0 ? w : wait;
                }
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Records a failed attempt against the account and the address. */
    public void failed(Kind kind, String account, String address) {
        if (!normalized(account).isEmpty()) {
            accounts.get(accountKey(kind, account), AttemptThrottle::accountBucket).tryConsume(1);
        }
        addresses.get(addressKey(kind, address), AttemptThrottle::addressBucket).tryConsume(1);
    }

    /** A success: the account starts afresh (the address does not, or one's own account would reset it). */
    public void succeeded(Kind kind, String account) {
        accounts.forget(accountKey(kind, account));
    }

    /** What the person reads: when to try again. */
    public static String message(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String when = seconds < 90 ? seconds + (seconds == 1 ? " second" : " seconds")
                : ((seconds + 59) / 60) + " minutes";
        return "Too many failed attempts. For your security, please wait " + when + " and try again.";
    }

    private static String accountKey(Kind kind, String account) {
        return kind + "|" + normalized(account);
    }

    private static String addressKey(Kind kind, String address) {
        return kind + "|" + BoundedBuckets.addressKey(address);
    }

    private static String normalized(String account) {
        return EmailAddresses.normalize(account);
    }

    private static Bucket accountBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(5).refillGreedy(5, Duration.ofMinutes(5)).build())
                .addLimit(Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofHours(1)).build())
                .build();
    }

    private static Bucket addressBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(20).refillGreedy(20, Duration.ofMinutes(10)).build())
                .addLimit(Bandwidth.builder().capacity(60).refillGreedy(60, Duration.ofHours(1)).build())
                .build();
    }
}
