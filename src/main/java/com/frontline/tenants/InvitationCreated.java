package com.frontline.tenants;

/** The link is only known at creation: the database keeps a hash of its token. */
public record InvitationCreated(Invitation invitation, String link, boolean mailed) {
}
