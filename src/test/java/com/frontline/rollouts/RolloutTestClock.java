package com.frontline.rollouts;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The rollouts module's clock in integration tests: the system's until a test sets it, so that a test can let an
 * hour pass for the guard. Tests that set it reset it afterwards ({@link Settable#reset()}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class RolloutTestClock {

    /** A clock a test moves by hand; null: the system clock. */
    public static final class Settable implements InstantSource {

        private volatile Instant fixed;

        @Override
        public Instant instant() {
            Instant f = fixed;
            return f == null ? Instant.now() : f;
        }

        public void set(Instant at) {
            fixed = at;
        }

        public Instant advance(Duration by) {
            fixed = instant().plus(by);
            return fixed;
        }

        public void reset() {
            fixed = null;
        }
    }

    @Bean
    Settable rolloutSettableClock() {
        return new Settable();
    }

    @Bean
    @Primary
    RolloutClock rolloutTestClock(Settable settable) {
        return new RolloutClock(settable);
    }
}
