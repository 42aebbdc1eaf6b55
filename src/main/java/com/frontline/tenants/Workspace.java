package com.frontline.tenants;

import com.frontline.shared.TenantId;

public record Workspace(TenantId id, String slug, String name, String sector, boolean onboardingComplete) {
}
