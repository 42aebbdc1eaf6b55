package com.frontline.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param webhookTimeout           how long a handoff webhook call may take
 * @param webhookBackoff           the wait before the first retry of a failed webhook call; it doubles each time
 * @param allowPrivateWebhookHosts whether webhooks may target loopback or private network addresses (off by default:
 *                                 an admin could otherwise make the server call its own internal services)
 */
@ConfigurationProperties("frontline.chat")
record ChatProperties(@DefaultValue("10s") Duration webhookTimeout,
                      @DefaultValue("10s") Duration webhookBackoff,
                      @DefaultValue("false") boolean allowPrivateWebhookHosts) {
}
