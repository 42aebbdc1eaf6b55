package com.frontline;

import com.frontline.identity.SignUpCmd;
import com.frontline.identity.UserAccount;
import com.frontline.identity.UserService;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.UUID;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Creates real accounts and workspaces through the services, and signs in through the real login form. */
@TestComponent
public class TestAccounts {

    public static final String PASSWORD = "correct horse battery";

    private final UserService users;
    private final TenantService tenants;

    TestAccounts(UserService users, TenantService tenants) {
        this.users = users;
        this.tenants = tenants;
    }

    public record Account(UserAccount user, MockHttpSession session) {
        public Actor actor() {
            return new Actor(user.id(), user.email());
        }
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public UserAccount user(String name) {
        return users.signUp(new SignUpCmd(unique(name) + "@example.com", name, PASSWORD));
    }

    public Account signedIn(MockMvc mvc, String name) throws Exception {
        UserAccount user = user(name);
        return new Account(user, login(mvc, user.email()));
    }

    public MockHttpSession login(MockMvc mvc, String email) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(email).password(PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    public Workspace workspace(Account owner, String name) {
        return tenants.createWorkspace(owner.actor(), name, unique("ws"), "Software & SaaS");
    }

    public CurrentTenant asMember(Account account, Workspace workspace) {
        return tenants.resolve(account.user().id(), account.user().email(), workspace.slug()).orElseThrow();
    }
}
