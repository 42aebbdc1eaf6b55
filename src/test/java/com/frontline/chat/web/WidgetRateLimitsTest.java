package com.frontline.chat.web;

import com.frontline.shared.TenantId;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget's rate limits on a clock of the test's own, so minutes of traffic run in milliseconds: many visitors
 * behind one address are served, a flooder is not.
 */
class WidgetRateLimitsTest {

    static final String OFFICE = "198.51.100.7";

    /** A clock the test moves. */
    static final class Clock implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void to(long millis) {
            nanos = Math.max(nanos, millis * 1_000_000L);
        }
    }

    final Clock clock = new Clock();
    final TenantId shop = TenantId.of(UUID.randomUUID());
    final TenantId other = TenantId.of(UUID.randomUUID());

    static WidgetProperties defaults() {
        return new WidgetProperties(null, Duration.ofHours(2), 5, Duration.ofSeconds(20), 60, 600,
                Duration.ofMinutes(1));
    }

    /** The design before: one bucket per address for every message, 60 a minute. */
    static WidgetProperties oneSixtyPerMinuteBucket() {
        return new WidgetProperties(null, Duration.ofHours(2), 5, Duration.ofSeconds(20), 60, 60,
                Duration.ofMinutes(1));
    }

    /**
     * 20 visitors behind one address, each opening a chat and then asking every 2–6 s (uniform, seeded), 20 turns
     * each: the turns refused.
     */
    static int refusedTurnsBehindOneAddress(WidgetRateLimits limits, Clock clock, TenantId tenant, long seed) {
        record Turn(long at, int visitor, int left) {
        }
        Random random = new Random(seed);
        PriorityQueue<Turn> queue = new PriorityQueue<>((x, y) -> Long.compare(x.at(), y.at()));
        for (int v = 0; v < 20; v++) {
            long at = random.nextInt(5_000);
            clock.to(at);
            assertThat(limits.sessionCall(tenant, OFFICE)).isEmpty();
            assertThat(limits.newSession(tenant, OFFICE)).isEmpty();
            queue.add(new Turn(at + 2_000 + random.nextInt(4_001), v, 20));
        }
        int refused = 0;
        while (!queue.isEmpty()) {
            Turn turn = queue.poll();
            clock.to(turn.at());
            if (limits.message(tenant, "visitor:v" + turn.visitor(), OFFICE).isPresent()) {
                refused++;
            }
            if (turn.left() > 1) {
                queue.add(new Turn(turn.at() + 2_000 + random.nextInt(4_001), turn.visitor(), turn.left() - 1));
            }
        }
        return refused;
    }

    @Test
    void twentyVisitorsBehindOneAddressAtARealisticPaceAreAllServed() {
        for (long seed = 1; seed <= 5; seed++) {
            Clock c = new Clock();
            assertThat(refusedTurnsBehindOneAddress(new WidgetRateLimits(defaults(), c), c, shop, seed))
                    .as("seed %d", seed).isZero();
        }
    }

    @Test
    void theSameTrafficWasRefusedByTheOldPerAddressBucket() {
        // the simulation itself can fail: against one 60-a-minute bucket for all messages it refuses most turns
        Clock c = new Clock();
        int refused = refusedTurnsBehindOneAddress(new WidgetRateLimits(oneSixtyPerMinuteBucket(), c), c, shop, 1);
        assertThat(refused).isGreaterThan(200);
    }

    @Test
    void oneVisitorFloodingIsRefusedAndToldHowLong() {
        WidgetRateLimits limits = new WidgetRateLimits(defaults(), clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limits.message(shop, "visitor:flood", OFFICE)).isEmpty();
        }
        var refusal = limits.message(shop, "visitor:flood", OFFICE);
        assertThat(refusal).isPresent();
        assertThat(refusal.get().seconds()).isBetween(1L, 4L);
        // the refusal cost the address nothing: a neighbour behind the same router is served
        assertThat(limits.message(shop, "visitor:neighbour", OFFICE)).isEmpty();
        clock.to(4_000);
        assertThat(limits.message(shop, "visitor:flood", OFFICE)).isEmpty();
    }

    @Test
    void aFloodOfNewSessionsFromOneAddressIsRefused() {
        WidgetRateLimits limits = new WidgetRateLimits(defaults(), clock);
        int opened = 0;
        while (opened < 1_000 && limits.sessionCall(shop, OFFICE).isEmpty()
                && limits.newSession(shop, OFFICE).isEmpty()) {
            opened++;
        }
        assertThat(opened).isEqualTo(60);
        // another address is not held back
        assertThat(limits.newSession(shop, "198.51.100.8")).isEmpty();
        // returning visitors' renewals only count against the flood ceiling, which is far higher
        for (int i = 0; i < 100; i++) {
            assertThat(limits.sessionCall(shop, OFFICE)).isEmpty();
        }
    }

    @Test
    void manyMintedVisitorsFromOneAddressMeetTheFloodCeiling() {
        WidgetRateLimits limits = new WidgetRateLimits(defaults(), clock);
        int served = 0;
        // 200 visitors each at their own full allowance, all at once from one address
        for (int round = 0; round < 5; round++) {
            for (int v = 0; v < 200; v++) {
                if (limits.message(shop, "visitor:m" + v, OFFICE).isEmpty()) {
                    served++;
                }
            }
        }
        assertThat(served).isEqualTo(600);
    }

    @Test
    void limitsArePerWorkspace() {
        WidgetRateLimits limits = new WidgetRateLimits(defaults(), clock);
        while (limits.newSession(shop, OFFICE).isEmpty()) {
            // use up the shop's new sessions from this address
        }
        for (int i = 0; i < 5; i++) {
            assertThat(limits.message(shop, "visitor:same-id", OFFICE)).isEmpty();
        }
        assertThat(limits.message(shop, "visitor:same-id", OFFICE)).isPresent();
        // the same address and the same visitor id in another workspace start with full allowances
        assertThat(limits.newSession(other, OFFICE)).isEmpty();
        assertThat(limits.message(other, "visitor:same-id", OFFICE)).isEmpty();
    }

    @Test
    void anIpv6SubscriberIsOneAddressWhateverItsInterfaceId() {
        WidgetRateLimits limits = new WidgetRateLimits(defaults(), clock);
        int opened = 0;
        while (opened < 1_000 && limits.newSession(shop, "2001:db8:1:2::" + Integer.toHexString(opened + 1)).isEmpty()) {
            opened++;
        }
        assertThat(opened).isEqualTo(60);
    }
}
