/**
 * Answers customers' questions with the workspace's AI providers (routing, failover, usage and budget) or, without
 * one, with the built-in offline answerer. The chat module calls {@link com.frontline.llm.AssistantGateway}.
 */
@NullMarked
package com.frontline.llm;

import org.jspecify.annotations.NullMarked;
