package com.frontline.shared.privacy;

import com.frontline.shared.TenantId;

/**
 * Published (in the erasing transaction) when an Owner deletes a whole workspace. Modules delete everything they hold
 * for that tenant when they hear it.
 */
public record WorkspaceErased(TenantId tenantId) {
}
