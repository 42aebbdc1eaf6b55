package com.frontline.identity;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Remembers when each password account last signed in (federated logins record it themselves). */
@Component
class LoginEvents {

    private final UserService users;

    LoginEvents(UserService users) {
        this.users = users;
    }

    @EventListener
    void onLogin(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof LocalUserPrincipal local) {
            users.recordLogin(local.userId());
        }
    }
}
