package com.frontline.chat;

import org.jspecify.annotations.Nullable;

/**
 * A workspace's chat settings.
 *
 * @param confidenceThreshold    answers scoring below it are replaced by the persona's fallback message and a human
 *                               is offered
 * @param handoffOnLowConfidence such an answer also hands the conversation to the team at once (it waits in the
 *                               inbox), instead of only offering a person to the customer
 * @param webhookUrl             where a handoff is announced (an HMAC-signed POST), or null
 * @param webhookSecret          the HMAC-SHA256 key that signs webhook calls
 */
public record ChatSettings(double confidenceThreshold, boolean handoffOnLowConfidence, @Nullable String webhookUrl,
                           String webhookSecret) {

    public static final double DEFAULT_THRESHOLD = 0.5;
}
