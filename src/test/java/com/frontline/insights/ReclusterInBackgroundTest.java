package com.frontline.insights;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.TenantId;
import com.frontline.tenants.Workspace;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Re-cluster runs as a db-scheduler task: the button returns at once, asking twice while it is queued runs it once,
 * and a failed run says so on the page and keeps the clusters of the run before.
 */
@IntegrationTest
class ReclusterInBackgroundTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired InsightsService insights;
    @Autowired InsightsBackground background;
    @Autowired InsightsRepository repository;
    @Autowired SchedulerClient scheduler;
    @Autowired TransactionTemplate tx;

    private final Random random = new Random(7);

    /** Two planted topics of four questions each: two clusters. */
    private void plant(TenantId tenant) {
        for (int topic = 0; topic < 2; topic++) {
            for (int i = 0; i < 4; i++) {
                float[] v = new float[384];
                v[topic] = 1;
                for (int d = 2; d < 384; d++) {
                    v[d] = (float) (random.nextGaussian() * 0.01);
                }
                insert(tenant, (topic == 0 ? "Do you sell gift cards " : "Is there a student discount ") + i + "?", v);
            }
        }
    }

    private void insert(TenantId tenant, String question, float[] vector) {
        UUID conversation = UUID.randomUUID();
        MessageInsight m = new MessageInsight(UUID.randomUUID(), conversation, 1, question, OffsetDateTime.now(),
                "other", InsightsService.TOPIC_BY_KEYWORD, Intent.QUESTION, Sentiment.NEUTRAL, 0, "en",
                AnswerSignal.FALLBACK, LocalAnalysis.METHOD);
        tx.executeWithoutResult(s -> {
            repository.customerMessage(tenant, conversation, 1, OffsetDateTime.now());
            repository.insert(tenant, m, vector);
        });
    }

    private ClusterJob finished(TenantId tenant) {
        await(() -> background.clusterJob(tenant).map(j -> !j.active()).orElse(false));
        return background.clusterJob(tenant).orElseThrow();
    }

    @Test
    void askingTwiceWhileQueuedRunsOnceAndAskingAfterwardsRunsAgain() throws Exception {
        TestAccounts.Account owner = accounts.signedIn(mvc, "owner");
        CurrentTenant t = accounts.asMember(owner, accounts.workspace(owner, "Twice Co"));
        plant(t.id());
        // a double click: both requests before the scheduler can pick the first
        List<Boolean> queued = tx.execute(s -> List.of(background.recluster(t.id()), background.recluster(t.id())));
        assertThat(queued).containsExactly(true, false);
        ClusterJob job = finished(t.id());
        assertThat(job.status()).isEqualTo(ClusterJob.Status.DONE);
        assertThat(job.runs()).isEqualTo(1);
        assertThat(job.questions()).isEqualTo(8);
        assertThat(insights.clusters(t.id())).hasSize(2);

        assertThat(background.recluster(t.id())).isTrue();
        assertThat(finished(t.id()).runs()).isEqualTo(2);
    }

    @Test
    void theButtonReturnsAtOnceAndTheClustersFollow() throws Exception {
        TestAccounts.Account owner = accounts.signedIn(mvc, "owner");
        Workspace w = accounts.workspace(owner, "Button Co");
        CurrentTenant t = accounts.asMember(owner, w);
        String gaps = "/w/" + w.slug() + "/gaps";
        // too few questions: said so, nothing queued
        mvc.perform(post(gaps + "/recluster").with(csrf()).session(owner.session()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", containsString("Not enough unanswered questions")));
        assertThat(background.clusterJob(t.id())).isEmpty();

        plant(t.id());
        mvc.perform(post(gaps + "/recluster").with(csrf()).session(owner.session()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("Clustering 8 unanswered questions")));
        finished(t.id());
        mvc.perform(get(gaps).session(owner.session()))
                .andExpect(content().string(allOf(containsString("Do you sell gift cards"),
                        containsString("Is there a student discount"))));
    }

    @Test
    void aFailedRunSaysSoAndKeepsThePreviousClusters() throws Exception {
        TestAccounts.Account owner = accounts.signedIn(mvc, "owner");
        Workspace w = accounts.workspace(owner, "Failing Co");
        CurrentTenant t = accounts.asMember(owner, w);
        plant(t.id());
        background.recluster(t.id());
        assertThat(finished(t.id()).status()).isEqualTo(ClusterJob.Status.DONE);
        List<UUID> before = insights.clusters(t.id()).stream().map(GapCluster::id).toList();
        assertThat(before).hasSize(2);

        // a stored vector of the wrong length (a corrupt row): the clustering throws
        insert(t.id(), "A question with a broken vector?", new float[] {1, 0, 0});
        background.recluster(t.id());
        ClusterJob failed = finished(t.id());
        assertThat(failed.status()).isEqualTo(ClusterJob.Status.FAILED);
        assertThat(failed.error()).isNotBlank();
        assertThat(insights.clusters(t.id())).extracting(GapCluster::id).containsExactlyInAnyOrderElementsOf(before);
        mvc.perform(get("/w/" + w.slug() + "/gaps").session(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"clustering-failed\""),
                        containsString("The last re-cluster failed"), containsString("Do you sell gift cards"))));
    }
}
