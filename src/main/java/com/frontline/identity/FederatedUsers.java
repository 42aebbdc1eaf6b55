package com.frontline.identity;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns an OAuth2/OIDC login into a Frontline user: finds or creates the local account and hands Spring Security a
 * principal that carries our user id, so the rest of the app treats every login alike.
 */
@Component
class FederatedUsers {

    private final UserService users;
    private final OidcUserService oidcDelegate = new OidcUserService();
    private final DefaultOAuth2UserService oauth2Delegate = new DefaultOAuth2UserService();

    FederatedUsers(UserService users) {
        this.users = users;
    }

    OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        return request -> {
            OidcUser oidc = oidcDelegate.loadUser(request);
            String provider = request.getClientRegistration().getRegistrationId();
            UserAccount account = login(provider, oidc.getSubject(), oidc.getEmail(),
                    Boolean.TRUE.equals(oidc.getEmailVerified()), oidc.getFullName());
            return new FederatedOidcUser(account, oidc);
        };
    }

    OAuth2UserService<OAuth2UserRequest, OAuth2User> oauth2UserService() {
        return request -> {
            OAuth2User user = oauth2Delegate.loadUser(request);
            String provider = request.getClientRegistration().getRegistrationId();
            Object email = user.getAttributes().get("email");
            Object name = user.getAttributes().getOrDefault("name", user.getAttributes().get("login"));
            // Plain OAuth2 providers (GitHub) give no verified-e-mail claim: never link to an existing account.
            UserAccount account = login(provider, user.getName(), email == null ? null : email.toString(), false,
                    name == null ? null : name.toString());
            Map<String, Object> attributes = new HashMap<>(user.getAttributes());
            attributes.put("frontline_user_id", account.id().toString());
            return new FederatedOAuth2User(account, attributes);
        };
    }

    private UserAccount login(String provider, String subject, String email, boolean verified, String name) {
        try {
            return users.federatedLogin(provider, subject, email, verified, name);
        } catch (UserService.FederatedLoginRefused e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("account_not_linkable", e.getMessage(), null),
                    e.getMessage());
        }
    }

    static final class FederatedOidcUser extends DefaultOidcUser implements FrontlinePrincipal {

        private final UserAccount account;

        FederatedOidcUser(UserAccount account, OidcUser oidc) {
            super(AuthorityUtils.createAuthorityList("ROLE_USER"), oidc.getIdToken(), oidc.getUserInfo(), "sub");
            this.account = account;
        }

        @Override
        public UserAccount account() {
            return account;
        }
    }

    static final class FederatedOAuth2User extends DefaultOAuth2User implements FrontlinePrincipal {

        private final UserAccount account;

        FederatedOAuth2User(UserAccount account, Map<String, Object> attributes) {
            super(AuthorityUtils.createAuthorityList("ROLE_USER"), attributes, "frontline_user_id");
            this.account = account;
        }

        @Override
        public UserAccount account() {
            return account;
        }
    }
}
