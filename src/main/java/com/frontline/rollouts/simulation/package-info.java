/**
 * Rollout rehearsals: synthetic visitors on a simulated clock, driven through the real assignment, plan and guard
 * code. Used by {@link com.frontline.rollouts.Rehearsal} and the {@code simulate-rollout} command.
 */
@NullMarked
package com.frontline.rollouts.simulation;

import org.jspecify.annotations.NullMarked;
