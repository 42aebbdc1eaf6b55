package com.frontline.tenants;

import com.frontline.identity.SignUpCmd;
import com.frontline.identity.UserAccount;
import com.frontline.identity.UserService;
import com.frontline.shared.Actor;
import com.frontline.shared.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start against an empty database, outside the {@code prod} profile, creates the demo workspace
 * "Acme Support" and its admin, whose login the README prints. Never runs in production.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "frontline.demo.seed", havingValue = "true", matchIfMissing = true)
class DemoWorkspaceSeeder implements ApplicationRunner {

    static final String EMAIL = "admin@acme.test";
    static final String PASSWORD = "frontline-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoWorkspaceSeeder.class);

    private final TenantService tenants;
    private final TenantRepository repository;
    private final UserService users;
    private final TransactionTemplate transaction;

    DemoWorkspaceSeeder(TenantService tenants, TenantRepository repository, UserService users,
                        TransactionTemplate transaction) {
        this.tenants = tenants;
        this.repository = repository;
        this.users = users;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (tenants.anyWorkspaceExists()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            UserAccount admin = users.findByEmail(EMAIL)
                    .orElseGet(() -> users.signUp(new SignUpCmd(EMAIL, "Alex Admin", PASSWORD)));
            Actor actor = new Actor(admin.id(), admin.email());
            Workspace acme = tenants.createWorkspace(actor, "Acme Support", "acme", "Software & SaaS");
            TenantId id = acme.id();
            repository.upsertPersona(id, new Persona("Ava", Tone.FRIENDLY, null,
                    "Hi, I'm Ava from Acme! Ask me anything about your account, billing or our products.",
                    "I'm not sure about that one. Shall I connect you with someone from the Acme support team?",
                    "en"));
            repository.replaceOrigins(id, java.util.List.of("http://localhost:8080", "http://127.0.0.1:8080"));
            repository.markOnboardingComplete(id);
        });
        log.info("Seeded the demo workspace 'Acme Support': sign in as {} / {}", EMAIL, PASSWORD);
    }
}
