package com.frontline.identity;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** A sign-in refused before the password was checked, because of too many recent failures. */
public class SignInThrottledException extends AuthenticationException {

    private final Duration wait;

    public SignInThrottledException(Duration wait) {
        super(AttemptThrottle.message(wait));
        this.wait = wait;
    }

    public Duration retryAfter() {
        return wait;
    }
}
