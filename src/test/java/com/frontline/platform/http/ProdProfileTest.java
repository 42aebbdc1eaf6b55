package com.frontline.platform.http;

import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** application.yml as the app reads it: the prod profile marks the session cookie Secure, other runs do not. */
class ProdProfileTest {

    @Test
    void theProdProfileMarksTheSessionCookieSecure() {
        assertThat(secureCookie(List.of("prod"))).isTrue();
        assertThat(secureCookie(List.of())).isFalse();
    }

    @Test
    void forwardedHeadersAreLeftToTheTrustedProxyValve() {
        var environment = environment(List.of("prod"));
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("none");
    }

    private static boolean secureCookie(List<String> profiles) {
        return Binder.get(environment(profiles)).bind("server.servlet.session.cookie.secure", Boolean.class)
                .orElse(false);
    }

    private static StandardEnvironment environment(List<String> profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(),
                new DefaultBootstrapContext(), profiles);
        return environment;
    }
}
