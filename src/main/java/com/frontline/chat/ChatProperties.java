package com.frontline.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param webhookTimeout           how long a handoff webhook call may take
 * @param webhookBackoff           the wait before the first retry of a failed webhook call; it doubles each time
 *                                 (which addresses a webhook may call is the outbound guard's setting,
 *                                 {@code frontline.outbound.*})
 */
@ConfigurationProperties("frontline.chat")
record ChatProperties(@DefaultValue("10s") Duration webhookTimeout,
                      @DefaultValue("10s") Duration webhookBackoff) {
}
