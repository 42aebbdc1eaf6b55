package com.frontline.identity;

import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Only our own scripts run; inline style attributes are allowed for brand colours in previews. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    private static final RequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/login");

    private static final RequestMatcher ACTUATOR = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");

    private static final RequestMatcher HTMX = (HttpServletRequest request) ->
            "true".equals(request.getHeader("HX-Request"));

    /**
     * The public website widget ({@code /widget.js}, {@code /widget/**}): anonymous visitors on other websites. No
     * session and no CSRF token: the widget API authenticates each call with a signed token in a header (or, for
     * the event stream, a query parameter), which another site cannot make a browser send on its own. No
     * X-Frame-Options: the panel page is framed by the workspace's websites and sets its own {@code frame-ancestors};
     * every other widget response gets the default policy below, which forbids framing.
     */
    static final String WIDGET_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain widget(HttpSecurity http) throws Exception {
        http.securityMatcher("/widget.js", "/widget/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(h -> h
                        // a controller may set its own policy first (the panel's frame-ancestors); this is the default
                        .contentSecurityPolicy(csp -> csp.policyDirectives(WIDGET_CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(f -> f.disable())
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

    @Bean
    SecurityFilterChain portal(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oauthClients,
                               FederatedUsers federatedUsers, SecurityContextRepository contexts,
                               AttemptThrottle throttle, MetricsProperties metrics) throws Exception {
        AuthenticationFailureHandler failure = signInFailure(throttle);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/signup", "/error", "/error/**", "/invites/**",
                                "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").access(new MetricsAccess(metrics))
                        .anyRequest().authenticated())
                .securityContext(c -> c.securityContextRepository(contexts))
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .failureHandler(failure)
                        .successHandler(signInSuccess(throttle)))
                .addFilterBefore(signInBackOff(throttle, failure), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e
                        // An expired session under htmx: reload the whole page (which then goes to login) instead of
                        // swapping a login page into a fragment.
                        .defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(), HTMX)
                        // scrapers and API callers: a status, not a redirect to the login page
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), ACTUATOR)
                        .defaultAccessDeniedHandlerFor(htmxRefresh(), HTMX))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(f -> f.deny())
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        if (oauthClients.getIfAvailable() != null) {
            http.oauth2Login(oauth -> oauth
                    .loginPage("/login")
                    .failureUrl("/login?oauthError")
                    .userInfoEndpoint(u -> u
                            .oidcUserService(federatedUsers.oidcUserService())
                            .userService(federatedUsers.oauth2UserService())));
        }
        return http.build();
    }

    /**
     * A password sign-in while its account or address must wait: refused before the password is checked, so the right
     * password does not get in during the wait either.
     */
    private static OncePerRequestFilter signInBackOff(AttemptThrottle throttle, AuthenticationFailureHandler failure) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (LOGIN.matches(request)) {
                    Optional<Duration> wait = throttle.refusal(AttemptThrottle.Kind.SIGN_IN, username(request),
                            request.getRemoteAddr());
                    if (wait.isPresent()) {
                        failure.onAuthenticationFailure(request, response, new SignInThrottledException(wait.get()));
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** A wrong password counts against the account and the address; the one that starts a wait says so at once. */
    private static AuthenticationFailureHandler signInFailure(AttemptThrottle throttle) {
        return new SimpleUrlAuthenticationFailureHandler("/login?error") {
            @Override
            public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                                AuthenticationException exception)
                    throws IOException, ServletException {
                AuthenticationException shown = exception;
                if (exception instanceof BadCredentialsException) {
                    String account = username(request);
                    throttle.failed(AttemptThrottle.Kind.SIGN_IN, account, request.getRemoteAddr());
                    Optional<Duration> wait = throttle.refusal(AttemptThrottle.Kind.SIGN_IN, account,
                            request.getRemoteAddr());
                    if (wait.isPresent()) {
                        shown = new SignInThrottledException(wait.get());
                    }
                }
                super.onAuthenticationFailure(request, response, shown);
            }
        };
    }

    private static AuthenticationSuccessHandler signInSuccess(AttemptThrottle throttle) {
        SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            throttle.succeeded(AttemptThrottle.Kind.SIGN_IN, username(request));
            saved.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static String username(HttpServletRequest request) {
        String username = request.getParameter(UsernamePasswordAuthenticationFilter.SPRING_SECURITY_FORM_USERNAME_KEY);
        return username == null ? "" : username;
    }

    /** A CSRF token that no longer matches (the session expired) under htmx: reload rather than show an error. */
    private static AccessDeniedHandler htmxRefresh() {
        AccessDeniedHandlerImpl fallback = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            if (request.getSession(false) == null || !request.isRequestedSessionIdValid()) {
                response.setHeader("HX-Refresh", "true");
                response.setStatus(403);
                return;
            }
            fallback.handle(request, response, denied);
        };
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // PBKDF2-HMAC-SHA256 with 310,000 iterations (OWASP's figure), not the factory's bcrypt default: bcrypt refuses
        // passwords over 72 bytes, and the password policy allows 128 characters. The algorithm id is stored with each
        // hash, so a stronger one can be rolled in later while old hashes keep working.
        String id = "pbkdf2@SpringSecurity_v5_8";
        var delegating = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        java.util.Map<String, PasswordEncoder> encoders = new java.util.HashMap<>();
        encoders.put(id, Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder());
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(id, encoders);
        encoder.setDefaultPasswordEncoderForMatches(delegating);
        return encoder;
    }
}
