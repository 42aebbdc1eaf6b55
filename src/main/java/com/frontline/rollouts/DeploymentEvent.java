package com.frontline.rollouts;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * Who or what changed the split, when and why: one line of the deployment history.
 *
 * @param actor     the person's e-mail address; null when the guard did it
 * @param action    what happened: "created", "gate_passed", "gate_blocked", "overridden", "advanced", "completed",
 *                  "rolled_back", "stopped"
 * @param fromSplit the split before, in words ("v3 100 %")
 * @param toSplit   the split after ("v3 90 % · v4 10 %")
 * @param numbers   the figures that triggered it (the guard's comparison on a rollback)
 */
public record DeploymentEvent(Instant at, @Nullable String actor, String action, String fromSplit, String toSplit,
                              String reason, Map<String, Object> numbers) {
}
