package com.frontline.shared.privacy;

import com.frontline.shared.TenantId;

import java.util.List;
import java.util.UUID;

/**
 * Published (in the erasing transaction) when conversations of one workspace are deleted by retention or by the
 * erasure of one end customer. Modules that keep rows derived from those conversations delete them when they hear it.
 */
public record ConversationsErased(TenantId tenantId, List<UUID> conversationIds) {
    public ConversationsErased {
        conversationIds = List.copyOf(conversationIds);
    }
}
