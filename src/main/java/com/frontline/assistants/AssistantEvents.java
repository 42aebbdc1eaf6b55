package com.frontline.assistants;

import com.frontline.shared.Actor;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;

/** What happens to a workspace's assistant versions, for other modules to react to. */
public final class AssistantEvents {

    private AssistantEvents() {
    }

    /** A new version was published (also by "Restore as new version", then {@code restoredFrom} names the source). */
    public record VersionPublished(TenantId tenant, int number, @Nullable Integer restoredFrom, Actor by) {
    }

    /** The website widget answers with another version from now on (unless an experiment assigns the visitor one). */
    public record LiveVersionChanged(TenantId tenant, int from, int to, Actor by, String reason) {
    }
}
