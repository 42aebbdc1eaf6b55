package com.frontline.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param webhookTimeout           how long a handoff webhook call may take
 * @param webhookBackoff           the wait before the first retry of a failed webhook call; it doubles each time
 *                                 (which addresses a webhook may call is the outbound guard's setting,
 *                                 {@code frontline.outbound.*})
 * @param offlineStreamPace        the pause between the word groups of an answer that is streamed after it was
 *                                 written (the offline answerer's, the fallback, small talk), so the chat shows it
 *                                 arriving as a model's would; 0 sends it at once (benchmarks, evaluation)
 * @param signals                  the implicit-signals job ({@link ImplicitSignalsJob})
 */
@ConfigurationProperties("frontline.chat")
record ChatProperties(@DefaultValue("10s") Duration webhookTimeout,
                      @DefaultValue("10s") Duration webhookBackoff,
                      @DefaultValue("25ms") Duration offlineStreamPace,
                      @DefaultValue Signals signals) {

    /**
     * @param quietAfter how long a conversation has had no activity before its answers' signals are read
     * @param every      how often the job looks for such conversations
     * @param batch      conversations read per run at most
     */
    record Signals(@DefaultValue("10m") Duration quietAfter, @DefaultValue("1m") Duration every,
                   @DefaultValue("100") int batch) {
    }
}
