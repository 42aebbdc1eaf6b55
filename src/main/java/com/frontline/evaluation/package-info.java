/**
 * Answer evaluation: runs question-and-answer tasks through a workspace's assistant, exactly as its widget would
 * answer them, and measures the answers (answered or abstained, citations, word overlap with a reference, latency).
 * {@link com.frontline.evaluation.AnswerEvaluator} is the core any workspace can use; the
 * {@code eval-answers} command ({@link com.frontline.evaluation.AnswerEvaluationCommand}) runs a data set from files
 * in a scratch workspace.
 */
@NullMarked
package com.frontline.evaluation;

import org.jspecify.annotations.NullMarked;
