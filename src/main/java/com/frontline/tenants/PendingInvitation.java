package com.frontline.tenants;

/** What the invite page shows someone who opens a link, before they accept. */
public record PendingInvitation(String workspaceName, String workspaceSlug, String email,
                                com.frontline.shared.Role role, Invitation.Status status) {
}
