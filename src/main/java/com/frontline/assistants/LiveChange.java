package com.frontline.assistants;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

/**
 * One change of the live version: from which version (null for the first), to which, when, by whom or what, why.
 *
 * @param changedBy an e-mail address, or the name of what changed it automatically
 */
public record LiveChange(@Nullable Integer fromVersion, int toVersion, OffsetDateTime changedAt, String changedBy,
                         @Nullable String reason) {
}
