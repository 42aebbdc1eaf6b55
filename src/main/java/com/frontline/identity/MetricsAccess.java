package com.frontline.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * Who may read the metrics: a signed-in user, or a scraper that sends the configured token as a bearer credential
 * (compared in constant time). Everyone else gets 401.
 */
final class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private static final String BEARER = "Bearer ";
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private final byte @Nullable [] token;

    MetricsAccess(MetricsProperties properties) {
        String configured = properties.scrapeToken();
        this.token = configured == null || configured.isBlank() ? null
                : configured.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
                                         RequestAuthorizationContext context) {
        return new AuthorizationDecision(hasToken(context.getRequest()) || trust.isAuthenticated(authentication.get()));
    }

    boolean hasToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (token == null || header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8));
    }
}
