package com.frontline.audit;

import com.frontline.shared.Actor;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Every admin action in a workspace: who, what, when, and the state before and after. Written in the caller's
 * transaction, so an action and its audit entry are stored together or not at all.
 */
@Service
public class AuditLog {

    public static final int PAGE_SIZE = 50;

    private final AuditRepository entries;
    private final JsonMapper json;

    AuditLog(AuditRepository entries, JsonMapper json) {
        this.entries = entries;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(TenantId tenant, Actor actor, String action, @Nullable String target,
                       @Nullable Object before, @Nullable Object after) {
        entries.insert(tenant, actor, action, target, toJson(before), toJson(after));
    }

    /** Newest first; {@code beforeId} pages further back (keyset pagination, stable while new entries arrive). */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(TenantId tenant, @Nullable Long beforeId, @Nullable String actionPrefix) {
        return entries.find(tenant, beforeId, actionPrefix, PAGE_SIZE);
    }

    /** An area of the filter: the action prefix ({@code accounts.}) and its name. */
    public record Area(String prefix, String label) {
    }

    /** The areas this workspace's log has entries in, by name: the filter offers exactly these. */
    @Transactional(readOnly = true)
    public List<Area> areas(TenantId tenant) {
        return entries.areas(tenant).stream()
                .map(a -> new Area(a + ".", AuditActions.areaLabel(a)))
                .sorted(java.util.Comparator.comparing(Area::label))
                .toList();
    }

    private @Nullable String toJson(@Nullable Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }
}
