package com.frontline.chat.web;

import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The public website widget.
 *
 * @param tokenSecret      the key that signs visitors' session tokens (at least 32 characters, from the environment:
 *                         {@code FRONTLINE_WIDGET_TOKEN_SECRET}). Without it a random key is made at each start: open
 *                         chats then get a new token transparently after a restart, but several app nodes need the
 *                         same configured secret
 * @param tokenTtl         how long a session token is valid; the panel renews it well before
 * @param visitorMessages  messages one visitor may send per {@code visitorWindow}
 * @param ipSessions       new chat sessions (conversations) one client IP address may start per {@code ipWindow},
 *                         across visitors: stops a script minting visitors; people behind one NAT stay far below it
 * @param ipMessages       messages, ratings and session calls one client IP address may make per {@code ipWindow},
 *                         across visitors: a flood ceiling only, sized for many people behind one office router or
 *                         carrier NAT (see {@link WidgetRateLimits})
 */
@Validated
@ConfigurationProperties("frontline.widget")
record WidgetProperties(@Nullable String tokenSecret,
                        @DefaultValue("2h") Duration tokenTtl,
                        @DefaultValue("5") @Min(1) int visitorMessages,
                        @DefaultValue("20s") Duration visitorWindow,
                        @DefaultValue("60") @Min(1) int ipSessions,
                        @DefaultValue("600") @Min(1) int ipMessages,
                        @DefaultValue("1m") Duration ipWindow) {
}
