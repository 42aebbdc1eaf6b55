package com.frontline.identity;

import com.frontline.shared.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.UUID;

@Service
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;

    UserService(UserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    /** Creates a password account. Refusals carry the form field they belong to. */
    @Transactional
    public UserAccount signUp(SignUpCmd cmd) {
        String email = EmailAddresses.normalize(cmd.email());
        EmailAddresses.validate(email).ifPresent(m -> {
            throw new UserFacingException("email", m);
        });
        String name = cmd.displayName() == null ? "" : cmd.displayName().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new UserFacingException("displayName", "Enter your name (up to 100 characters).");
        }
        PasswordPolicy.check(cmd.password(), email).ifPresent(m -> {
            throw new UserFacingException("password", m);
        });
        UUID id = UUID.randomUUID();
        if (!users.insert(id, email, name, passwordEncoder.encode(cmd.password()))) {
            throw new UserFacingException("email", "An account with this e-mail already exists. Sign in instead.");
        }
        log.info("New account {}", id);
        return new UserAccount(id, email, name, true);
    }

    public Optional<UserAccount> findById(UUID id) {
        return users.findById(id);
    }

    /** The accounts with these ids (for member lists), in no particular order. */
    public java.util.List<UserAccount> findAll(java.util.Collection<UUID> ids) {
        return users.findAll(ids);
    }

    public Optional<UserAccount> findByEmail(String email) {
        return users.findByEmail(EmailAddresses.normalize(email));
    }

    /**
     * Finds or creates the local user behind an external identity. An existing account with the same e-mail is
     * linked only when the provider says the address is verified; otherwise someone could claim another person's
     * account by registering their address at a lax provider.
     */
    @Transactional
    public UserAccount federatedLogin(String provider, String subject, String rawEmail, boolean emailVerified,
                                      String displayName) {
        Optional<UserAccount> linked = users.findByIdentity(provider, subject).flatMap(users::findById);
        if (linked.isPresent()) {
            users.touchLogin(linked.get().id());
            return linked.get();
        }
        String email = EmailAddresses.normalize(rawEmail);
        if (EmailAddresses.validate(email).isPresent()) {
            throw new FederatedLoginRefused("Your " + provider + " account did not share an e-mail address, "
                    + "which Frontline needs. Share it with the app or sign up with a password.");
        }
        Optional<UserAccount> sameEmail = users.findByEmail(email);
        UserAccount account;
        if (sameEmail.isPresent()) {
            if (!emailVerified) {
                throw new FederatedLoginRefused("An account with " + email + " already exists and " + provider
                        + " did not confirm that the address is yours. Sign in with your password.");
            }
            account = sameEmail.get();
        } else {
            UUID id = UUID.randomUUID();
            String name = displayName == null || displayName.isBlank() ? email : displayName.strip();
            users.insert(id, email, name.length() > 100 ? name.substring(0, 100) : name, null);
            account = users.findByEmail(email).orElseThrow();
        }
        users.linkIdentity(provider, subject, account.id());
        users.touchLogin(account.id());
        return account;
    }

    public void recordLogin(UUID userId) {
        users.touchLogin(userId);
    }

    /** A federated login that must not go through; the message is shown on the login page. */
    public static class FederatedLoginRefused extends RuntimeException {
        public FederatedLoginRefused(String message) {
            super(message);
        }
    }
}
