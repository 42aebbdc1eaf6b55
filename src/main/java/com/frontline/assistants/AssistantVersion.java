package com.frontline.assistants;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A published assistant version: its number in the workspace (1, 2, 3 …), its configuration, which never changes,
 * who published it, when and why.
 *
 * @param createdBy    the publisher's e-mail address, or "Frontline" for a first version made automatically
 * @param createdById  the publisher's user id; null for a first version made automatically
 * @param restoredFrom the earlier version this one copies, when it was made by "Restore as new version"
 */
public record AssistantVersion(int number, AssistantConfig config, Status status, String createdBy,
                               @Nullable UUID createdById, OffsetDateTime createdAt, @Nullable String note,
                               @Nullable Integer restoredFrom) {

    /** Published is the only state a stored version has: drafts live in the settings pages. */
    public enum Status {
        PUBLISHED
    }

    public AssistantVersion {
        Objects.requireNonNull(config, "config");
        if (number < 1) {
            throw new IllegalArgumentException("Version numbers start at 1, was " + number);
        }
    }

    /** "Version 3". */
    public String label() {
        return "Version " + number;
    }
}
