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
 * @param rollup                   the daily roll-up of the feedback review cards ({@link FeedbackRollupJob})
 */
@ConfigurationProperties("frontline.chat")
record ChatProperties(@DefaultValue("10s") Duration webhookTimeout,
                      @DefaultValue("10s") Duration webhookBackoff,
                      @DefaultValue("25ms") Duration offlineStreamPace,
                      @DefaultValue Signals signals,
                      @DefaultValue Rollup rollup) {

    /**
     * @param quietAfter how long a conversation has had no activity before its answers' signals are read
     * @param every      how often the job looks for such conversations
     * @param batch      conversations read per run at most
     */
    record Signals(@DefaultValue("10m") Duration quietAfter, @DefaultValue("1m") Duration every,
                   @DefaultValue("100") int batch) {
    }

    /**
     * @param every     how often the job rolls up the days that ended and the past days that changed
     * @param settle    how long after a UTC day ends it is rolled up (until then it is read live). A change to an
     *                  answer of the day made before midnight is not marked (it was today's, read live), so one
     *                  whose transaction commits more than this after midnight would be missed: keep it well
     *                  above the longest transaction
     * @param chunkDays days rolled up per transaction when a workspace catches up (its first run, or after a pause)
     * @param staleDays changed days rolled up again per run at most; the rest wait for the next run (and are read
     *                  live until then)
     */
    record Rollup(@DefaultValue("5m") Duration every, @DefaultValue("10m") Duration settle,
                  @DefaultValue("31") int chunkDays, @DefaultValue("500") int staleDays) {
    }
}
