package com.frontline.knowledge;

import com.frontline.FrontlineApplication;
import com.frontline.TestAccounts;
import com.frontline.identity.SignUpCmd;
import com.frontline.identity.UserAccount;
import com.frontline.identity.UserService;
import com.frontline.platform.DataDirectories;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.Visibility;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload whose indexing job has not run when the app stops is indexed after the next start, exactly once: the
 * job waits in PostgreSQL (db-scheduler), not in memory.
 */
@Tag("slow") // starts apps or nodes of its own: left out of the fast set (-DexcludedGroups=slow)
class IngestionRestartTest {

    @Test
    void aQueuedJobResumesAfterARestart() throws Exception {
        Path data = Files.createTempDirectory("frontline-restart-");
        try {
            UUID documentId;
            UUID tenantId;
            // First run: the job is scheduled but this node never polls for it before shutting down.
            try (ConfigurableApplicationContext first = start(data, "--db-scheduler.polling-interval=1h",
                    "--db-scheduler.immediate-execution-enabled=false")) {
                UserService users = first.getBean(UserService.class);
                UserAccount owner = users.signUp(new SignUpCmd(TestAccounts.unique("restart") + "@example.com", "Rita",
                        TestAccounts.PASSWORD));
                Workspace workspace = first.getBean(TenantService.class).createWorkspace(
                        new Actor(owner.id(), owner.email()), "Restart Co", TestAccounts.unique("restart"), "Other");
                CurrentTenant tenant = first.getBean(TenantService.class)
                        .resolve(owner.id(), owner.email(), workspace.slug()).orElseThrow();
                UploadResult upload = first.getBean(KnowledgeService.class).upload(tenant, "returns.md",
                        "# Returns\nReturns are free within 30 days.".getBytes(StandardCharsets.UTF_8), null, Visibility.PUBLIC);
                documentId = upload.documentId();
                tenantId = tenant.id().value();
                Thread.sleep(1500); // the after-commit listener schedules the task
                assertThat(first.getBean(KnowledgeService.class).document(tenant.id(), documentId).document()
                        .latestStatus()).isEqualTo(DocumentStatus.QUEUED);
            }
            // Second run on the same data: the waiting job is picked up.
            try (ConfigurableApplicationContext second = start(data)) {
                KnowledgeService knowledge = second.getBean(KnowledgeService.class);
                var tenant = com.frontline.shared.TenantId.of(tenantId);
                await(() -> knowledge.document(tenant, documentId).document().latestStatus() == DocumentStatus.INDEXED);
                KnowledgeIndex index = second.getBean(KnowledgeIndex.class);
                index.refresh();
                int chunks = knowledge.document(tenant, documentId).versions().getFirst().chunkCount();
                assertThat(index.count(tenant)).isEqualTo(chunks);
                assertThat(knowledge.document(tenant, documentId).versions().getFirst().attempts()).isEqualTo(1);
            }
        } finally {
            DataDirectories.deleteQuietly(data);
        }
    }

    private static ConfigurableApplicationContext start(Path data, String... extra) {
        String[] base = {"--server.port=0", "--frontline.embedded.data-dir=" + data, "--frontline.demo.seed=false"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return new SpringApplicationBuilder(FrontlineApplication.class).run(args);
    }
}
