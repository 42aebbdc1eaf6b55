package com.frontline.tenants;

import com.frontline.audit.AuditLog;
import com.frontline.identity.EmailAddresses;
import com.frontline.identity.UserAccount;
import com.frontline.identity.UserService;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.ForbiddenException;
import com.frontline.shared.Hashes;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.PortalProperties;
import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import com.frontline.shared.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Teammates, their roles, and invitations. */
@Service
public class TeamService implements com.frontline.identity.InvitedAddresses {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MembershipRepository memberships;
    private final InvitationRepository invitations;
    private final TenantRepository tenants;
    private final InvitationMailer mailer;
    private final AuditLog audit;
    private final PortalProperties portal;
    private final UserService users;

    TeamService(MembershipRepository memberships, InvitationRepository invitations, TenantRepository tenants,
                InvitationMailer mailer, AuditLog audit, PortalProperties portal, UserService users) {
        this.users = users;
        this.memberships = memberships;
        this.invitations = invitations;
        this.tenants = tenants;
        this.mailer = mailer;
        this.audit = audit;
        this.portal = portal;
    }

    @Transactional(readOnly = true)
    public List<Member> members(TenantId tenant) {
        List<MembershipRepository.Membership> rows = memberships.memberships(tenant);
        Map<UUID, UserAccount> accounts = users.findAll(rows.stream().map(MembershipRepository.Membership::userId)
                .toList()).stream().collect(Collectors.toMap(UserAccount::id, Function.identity()));
        return rows.stream()
                .filter(m -> accounts.containsKey(m.userId()))
                .map(m -> {
                    UserAccount a = accounts.get(m.userId());
                    return new Member(m.userId(), a.email(), a.displayName(), m.role(), m.joinedAt());
                })
                .toList();
    }

    private Member member(TenantId tenant, UUID userId) {
        return members(tenant).stream().filter(m -> m.userId().equals(userId)).findFirst()
                .orElseThrow(() -> NotFoundException.of("Member", userId));
    }

    @Transactional(readOnly = true)
    public List<Invitation> invitations(TenantId tenant) {
        return invitations.recent(tenant, 50);
    }

    /**
     * Creates a single-use invitation link. Only owners may invite owners. The e-mail goes out after the row is
     * stored; if mail fails the admin still sees the link.
     */
    @Transactional
    public InvitationCreated invite(CurrentTenant tenant, String rawEmail, Role role, String baseUrl) {
        String email = EmailAddresses.normalize(rawEmail);
        EmailAddresses.validate(email).ifPresent(m -> {
            throw InvalidInputException.of("email", m);
        });
        if (role == null) {
            throw InvalidInputException.of("role", "Choose a role for the new teammate.");
        }
        if (role == Role.OWNER && !tenant.can(Role.OWNER)) {
            throw new ForbiddenException(Role.OWNER);
        }
        if (members(tenant.id()).stream().anyMatch(m -> m.email().equals(email))) {
            throw InvalidInputException.of("email", email + " is already a member of this workspace.");
        }
        if (invitations.pendingExists(tenant.id(), email)) {
            throw InvalidInputException.of("email",
                    email + " already has a pending invitation. Revoke it below to send a new one.");
        }
        String token = newToken();
        UUID id = UUID.randomUUID();
        OffsetDateTime expires = OffsetDateTime.now().plus(portal.inviteTtl());
        invitations.insert(tenant.id(), id, email, role, hash(token), tenant.userId(), expires);
        Invitation invitation = invitations.find(tenant.id(), id).orElseThrow();
        audit.record(tenant.id(), tenant.actor(), "team.invited", email, null,
                Map.of("email", email, "role", role, "expiresAt", expires.toString()));
        String link = stripSlash(baseUrl) + "/invites/" + token;
        boolean mailed = mailer.send(tenant.name(), tenant.userEmail(), invitation, link);
        return new InvitationCreated(invitation, link, mailed);
    }

    @Transactional
    public void revoke(CurrentTenant tenant, UUID invitationId) {
        Invitation invitation = invitations.find(tenant.id(), invitationId)
                .orElseThrow(() -> NotFoundException.of("Invitation", invitationId));
        if (invitation.role() == Role.OWNER && !tenant.can(Role.OWNER)) {
            throw new ForbiddenException(Role.OWNER);
        }
        if (invitations.revoke(tenant.id(), invitationId)) {
            audit.record(tenant.id(), tenant.actor(), "team.invitation_revoked", invitation.email(),
                    Map.of("status", invitation.status()), Map.of("status", Invitation.Status.REVOKED));
        }
    }

    @Transactional
    public void changeRole(CurrentTenant tenant, UUID userId, Role newRole) {
        if (newRole == null) {
            throw InvalidInputException.of("role", "Choose a role.");
        }
        Member member = member(tenant.id(), userId);
        if (member.role() == newRole) {
            return;
        }
        if ((member.role() == Role.OWNER || newRole == Role.OWNER) && !tenant.can(Role.OWNER)) {
            throw new ForbiddenException(Role.OWNER);
        }
        if (member.role() == Role.OWNER) {
            requireAnotherOwner(tenant.id());
        }
        memberships.updateRole(tenant.id(), userId, newRole);
        audit.record(tenant.id(), tenant.actor(), "team.role_changed", member.email(),
                Map.of("role", member.role()), Map.of("role", newRole));
    }

    @Transactional
    public void remove(CurrentTenant tenant, UUID userId) {
        Member member = member(tenant.id(), userId);
        if (member.role() == Role.OWNER) {
            if (!tenant.can(Role.OWNER)) {
                throw new ForbiddenException(Role.OWNER);
            }
            requireAnotherOwner(tenant.id());
        }
        memberships.delete(tenant.id(), userId);
        audit.record(tenant.id(), tenant.actor(), "team.member_removed", member.email(),
                Map.of("email", member.email(), "role", member.role()), null);
    }

    private void requireAnotherOwner(TenantId tenant) {
        if (memberships.lockOwners(tenant) <= 1) {
            throw new UserFacingException("A workspace needs at least one owner. Make someone else an owner first.");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Optional<String> invitedEmail(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return java.util.Optional.empty();
        }
        return invitations.findByTokenHash(hash(token))
                .map(InvitationRepository.TokenMatch::invitation)
                .filter(i -> i.status() == Invitation.Status.PENDING)
                .map(Invitation::email);
    }

    /** What an invite link leads to, for the page shown before accepting. Unknown tokens are 404. */
    @Transactional(readOnly = true)
    public PendingInvitation preview(String token) {
        InvitationRepository.TokenMatch match = invitations.findByTokenHash(hash(token))
                .orElseThrow(() -> new NotFoundException("Unknown invitation"));
        Workspace workspace = tenants.find(match.tenant()).orElseThrow();
        Invitation invitation = match.invitation();
        return new PendingInvitation(workspace.name(), workspace.slug(), invitation.email(), invitation.role(),
                invitation.status());
    }

    /**
     * Accepts the invitation for the signed-in user, whose e-mail must be the invited one (a forwarded or leaked link
     * is useless to anyone else). Returns the workspace slug.
     */
    @Transactional
    public String accept(String token, Actor user) {
        InvitationRepository.TokenMatch match = invitations.findByTokenHash(hash(token))
                .orElseThrow(() -> new NotFoundException("Unknown invitation"));
        Invitation invitation = match.invitation();
        switch (invitation.status()) {
            case ACCEPTED -> throw new UserFacingException("This invitation has already been used. "
                    + "Ask an admin of the workspace for a new one if you still need access.");
            case REVOKED -> throw new UserFacingException("This invitation was revoked by an admin of the workspace.");
            case EXPIRED -> throw new UserFacingException("This invitation has expired. "
                    + "Ask an admin of the workspace to send you a new one.");
            case PENDING -> { }
        }
        if (!invitation.email().equals(EmailAddresses.normalize(user.email()))) {
            throw new UserFacingException("This invitation is for " + invitation.email() + ", but you are signed in as "
                    + user.email() + ". Sign out and sign in (or sign up) with the invited address.");
        }
        if (!invitations.markAccepted(match.tenant(), invitation.id(), user.userId())) {
            throw new UserFacingException("This invitation has just been used or has expired.");
        }
        boolean joined = memberships.insert(match.tenant(), user.userId(), invitation.role());
        audit.record(match.tenant(), user, joined ? "team.joined" : "team.invitation_accepted", invitation.email(),
                null, Map.of("role", invitation.role()));
        return tenants.find(match.tenant()).orElseThrow().slug();
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Hashes.sha256(token.getBytes(StandardCharsets.UTF_8));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
