package com.frontline.identity;

import java.util.Optional;

/**
 * The address an open invitation link was sent to, so that signing up from that link pre-fills it and creates the
 * account the invitation can be accepted with. Implemented where invitations live (the tenants module); identity
 * only asks.
 */
public interface InvitedAddresses {

    /** The invited e-mail of a pending invitation with this token; empty for an unknown, used or expired one. */
    Optional<String> invitedEmail(String token);
}
