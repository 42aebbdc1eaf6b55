/**
 * Conversations with a workspace's assistant: the playground and the website widget ask questions here, answers are
 * retrieved, composed, scored for confidence and streamed; a conversation can be handed off to a human agent.
 */
@NullMarked
package com.frontline.chat;

import org.jspecify.annotations.NullMarked;
