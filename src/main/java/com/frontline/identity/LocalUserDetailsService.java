package com.frontline.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class LocalUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    LocalUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String email = EmailAddresses.normalize(username);
        // An account created through a provider has no password: it cannot sign in with one.
        return users.findByEmail(email)
                .flatMap(account -> users.passwordHash(email).map(hash -> new LocalUserPrincipal(account, hash)))
                .orElseThrow(() -> new UsernameNotFoundException("No password account for that e-mail"));
    }
}
