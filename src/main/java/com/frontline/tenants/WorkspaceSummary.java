package com.frontline.tenants;

import com.frontline.shared.Role;

/** One of the signed-in user's workspaces, for the switcher. */
public record WorkspaceSummary(String slug, String name, Role role) {
}
