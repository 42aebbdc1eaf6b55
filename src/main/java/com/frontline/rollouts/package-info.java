/**
 * Rollouts: the engine behind A/B experiments and gradual rollouts of assistant versions, as plain Java without a
 * database, so that the experiment tables and the scheduled guard can back it with PostgreSQL counts.
 * <ul>
 *     <li>{@link com.frontline.rollouts.Split} and {@link com.frontline.rollouts.Assignment}: sticky, stateless
 *     assignment of a visitor to an arm by a hash of (workspace, experiment, visitor).</li>
 *     <li>{@link com.frontline.rollouts.RolloutPlan}: steps (10 % → 50 % → 100 %) with their minimums, and when a
 *     step may advance.</li>
 *     <li>{@link com.frontline.rollouts.Guard}: compares the candidate with the baseline over the guard window and
 *     holds, passes or rolls back, in numbers and in words.</li>
 *     <li>{@link com.frontline.rollouts.Rehearsal} and the {@code simulate-rollout} command: the same code driven by
 *     synthetic visitors on a simulated clock.</li>
 * </ul>
 * The statistics live in {@code stats} (a named interface).
 */
@NullMarked
package com.frontline.rollouts;

import org.jspecify.annotations.NullMarked;
