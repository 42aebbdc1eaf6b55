/**
 * Conversation analytics: how a workspace's conversations went per day and channel (conversations, customer
 * messages, resolution without a person, handoffs, fallbacks, ratings, implicit satisfaction, a person's first
 * response after a handoff) and which questions were asked and left unanswered. Past days are read from a daily
 * roll-up kept by a db-scheduler job ({@link com.frontline.analytics.AnalyticsRollupJob}), today live; the answers'
 * figures come from the chat module's own roll-up ({@code chat.answer_days}).
 */
@NullMarked
package com.frontline.analytics;

import org.jspecify.annotations.NullMarked;
