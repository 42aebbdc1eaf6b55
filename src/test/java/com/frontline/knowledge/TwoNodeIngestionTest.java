package com.frontline.knowledge;

import com.frontline.FrontlineApplication;
import com.frontline.TestAccounts;
import com.frontline.identity.SignUpCmd;
import com.frontline.identity.UserAccount;
import com.frontline.identity.UserService;
import com.frontline.platform.DataDirectories;
import com.frontline.platform.elasticsearch.ElasticsearchConnection;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.Visibility;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app nodes share one PostgreSQL and one Elasticsearch, as in a clustered deployment. Both poll for background
 * work; every indexing job runs exactly once (db-scheduler picks each task with a row lock), so no document is indexed
 * twice and none is missed, and both nodes do part of the work.
 */
@Tag("slow") // starts apps or nodes of its own: left out of the fast set (-DexcludedGroups=slow)
class TwoNodeIngestionTest {

    private static final int DOCUMENTS = 24;

    @Test
    void eachJobRunsOnceWhenTwoNodesShareTheDatabase() throws Exception {
        Path dataA = Files.createTempDirectory("frontline-node-a-");
        Path dataB = Files.createTempDirectory("frontline-node-b-");
        try (ConfigurableApplicationContext a = start(dataA)) {
            HikariDataSource dataSource = a.getBean(HikariDataSource.class);
            ElasticsearchConnection elasticsearch = a.getBean(ElasticsearchConnection.class);
            elasticsearch.awaitReady(); // node B sees it as an external cluster, which must be up when B uses it
            String esUrl = elasticsearch.url().toString();
            try (ConfigurableApplicationContext b = start(dataB,
                    "--spring.datasource.url=" + dataSource.getJdbcUrl(),
                    "--spring.datasource.username=" + dataSource.getUsername(),
                    "--frontline.elasticsearch.url=" + esUrl)) {
                UserService users = a.getBean(UserService.class);
                UserAccount owner = users.signUp(new SignUpCmd(TestAccounts.unique("nodes") + "@example.com", "Nia",
                        TestAccounts.PASSWORD));
                TenantService tenants = a.getBean(TenantService.class);
                Workspace workspace = tenants.createWorkspace(new Actor(owner.id(), owner.email()), "Two Nodes",
                        TestAccounts.unique("nodes"), "Other");
                CurrentTenant tenant = tenants.resolve(owner.id(), owner.email(), workspace.slug()).orElseThrow();

                // Uploads arrive on both nodes, as behind a load balancer.
                List<UUID> documents = new ArrayList<>();
                for (int i = 0; i < DOCUMENTS; i++) {
                    KnowledgeService knowledge = (i % 2 == 0 ? a : b).getBean(KnowledgeService.class);
                    byte[] text = ("# Policy " + i + "\nRule number " + i + " applies to every order.")
                            .getBytes(StandardCharsets.UTF_8);
                    documents.add(knowledge.upload(tenant, "policy-" + i + ".md", text, null, Visibility.PUBLIC).documentId());
                }

                KnowledgeService knowledge = a.getBean(KnowledgeService.class);
                await(() -> documents.stream().allMatch(id ->
                        knowledge.document(tenant.id(), id).document().latestStatus() == DocumentStatus.INDEXED));

                int chunks = 0;
                for (UUID id : documents) {
                    var version = knowledge.document(tenant.id(), id).versions().getFirst();
                    assertThat(version.attempts()).as("attempts of %s", id).isEqualTo(1);
                    chunks += version.chunkCount();
                }
                KnowledgeIndex index = b.getBean(KnowledgeIndex.class);
                index.refresh();
                assertThat(index.count(tenant.id())).isEqualTo(chunks);

                // db-scheduler counts its completed jobs per node: they add up to one per upload, from both nodes.
                double onA = completedIngestions(a);
                double onB = completedIngestions(b);
                assertThat(onA + onB).isEqualTo(DOCUMENTS);
                assertThat(onA).as("jobs run on node A").isPositive();
                assertThat(onB).as("jobs run on node B").isPositive();
            }
        } finally {
            DataDirectories.deleteQuietly(dataA);
            DataDirectories.deleteQuietly(dataB);
        }
    }

    private static double completedIngestions(ConfigurableApplicationContext node) {
        var counter = node.getBean(MeterRegistry.class).find("dbscheduler_task_completions")
                .tags("task", "knowledge-ingest", "result", "ok").counter();
        return counter == null ? 0 : counter.count();
    }

    private static ConfigurableApplicationContext start(Path data, String... extra) {
        String[] base = {"--server.port=0", "--frontline.embedded.data-dir=" + data, "--frontline.demo.seed=false",
                "--db-scheduler.polling-interval=200ms"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return new SpringApplicationBuilder(FrontlineApplication.class).run(args);
    }
}
