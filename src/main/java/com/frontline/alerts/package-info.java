/**
 * Alerts: when a workspace's assistant gets worse, slower, dearer or more often handed to people, the team hears of
 * it in the app (a list with an unread badge), by e-mail when mail is configured, and on a Slack-compatible webhook.
 * Thresholds are workspace settings ({@link com.frontline.alerts.AlertSettings}); a recurring job checks them
 * ({@link com.frontline.alerts.AlertEvaluation}) with figures other modules provide through
 * {@link com.frontline.alerts.UsageSignals} and {@link com.frontline.alerts.ConversationSignals}, and other modules
 * raise their own alerts with {@link com.frontline.alerts.Alerts#raise}. Repeats of the same kind and key within the
 * workspace's throttle window are counted on the first alert instead of raised again.
 */
@NullMarked
package com.frontline.alerts;

import org.jspecify.annotations.NullMarked;
