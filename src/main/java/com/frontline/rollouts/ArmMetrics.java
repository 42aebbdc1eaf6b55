package com.frontline.rollouts;

import com.frontline.rollouts.stats.Interval;
import com.frontline.rollouts.stats.Percentiles;
import com.frontline.rollouts.stats.Rate;

/**
 * What one arm did over a span (the guard window, or since the experiment started), from the website widget's
 * answers of its version and the model calls made for them.
 *
 * @param visitors               distinct visitors served; -1 when not counted (since the start: a visitor may come back
 *                               on another day, and distinct visitors over a month cost a pass over every answer)
 * @param helpful                👍 of rated answers
 * @param helpfulCi              its Wilson interval at the guard's confidence (1 − α)
 * @param fallback               low-confidence answers (the fallback message) of answers
 * @param handoff                conversations handed to a person of conversations
 * @param implicit               the implicit satisfaction score's mean (sum of scores of scored answers)
 * @param correction             answers a teammate wrote a correction for, of answers
 * @param error                  failed model calls of calls
 * @param failover               calls that failed over to another provider, of calls
 * @param latencyMs              the model calls' latency percentiles (count 0, NaN values: no calls)
 * @param tokensPerConversation  tokens (in and out) per conversation
 * @param costPerConversationUsd cost per conversation in US dollars
 */
public record ArmMetrics(String arm, int version, long visitors, long conversations, long answers,
                         Rate helpful, Interval helpfulCi, Rate fallback, Rate handoff, Rate implicit,
                         Rate correction, Rate error, Rate failover, Percentiles latencyMs,
                         double tokensPerConversation, double costPerConversationUsd) {
}
