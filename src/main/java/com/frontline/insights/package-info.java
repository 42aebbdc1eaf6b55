/**
 * Conversation insights and knowledge gaps: a batch analysis of customer messages (every 10 customer messages and at
 * the end of a conversation), the clustering of the questions the assistant did not answer well, and article drafts
 * that close a gap. {@link com.frontline.insights.InsightsService} is the API; the chat module tells this one about
 * new messages and resolved conversations through its events and never knows about it.
 */
@NullMarked
package com.frontline.insights;

import org.jspecify.annotations.NullMarked;
