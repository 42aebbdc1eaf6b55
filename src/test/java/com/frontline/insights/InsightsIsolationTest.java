package com.frontline.insights;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.TenantId;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Workspace B, knowing A's conversation, message, cluster and draft ids, reads and changes none of A's insights,
 * through the repository or the gaps routes (and the reverse).
 */
@IntegrationTest
class InsightsIsolationTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired InsightsRepository repository;
    @Autowired TransactionTemplate tx;
    @Autowired com.frontline.tenants.TeamService team;
    @Autowired BackgroundRepository background;

    private static float[] vector(float first) {
        float[] v = new float[384];
        v[0] = first;
        v[1] = 1;
        return v;
    }

    private static MessageInsight insight(UUID conversation, String question) {
        return new MessageInsight(UUID.randomUUID(), conversation, 1, question, OffsetDateTime.now(), "other",
                InsightsService.TOPIC_BY_KEYWORD, Intent.QUESTION, Sentiment.NEUTRAL, 0, "en", AnswerSignal.FALLBACK,
                LocalAnalysis.METHOD);
    }

    private UUID seed(TenantId tenant, UUID conversation, String label) {
        MessageInsight m = insight(conversation, label);
        UUID cluster = UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            repository.customerMessage(tenant, conversation, 5, OffsetDateTime.now());
            repository.insert(tenant, m, vector(1));
            repository.replaceClusters(tenant, new GapCluster.Run(OffsetDateTime.now(), 1, 1, 1, "test", 1),
                    List.of(new InsightsRepository.NewCluster(cluster, label, List.of("parcel"), 1, 1, 0,
                            List.of(0, 0, 0, 0, 0, 0, 0, 1), false, List.of(new GapCluster.Member(m.messageId(),
                            conversation, label, m.askedAt(), 1.0)))));
            repository.insertDraft(tenant, new ArticleDraft(UUID.randomUUID(), cluster, label, label,
                    "A body that is long enough for a draft.", DraftWriter.EXTRACTIVE, ArticleDraft.Status.VALIDATED,
                    List.of(), List.of(label), null, OffsetDateTime.now(), null));
        });
        return cluster;
    }

    @Test
    void eachWorkspaceSeesAndChangesOnlyItsOwnInsights() throws Exception {
        TestAccounts.Account alice = accounts.signedIn(mvc, "alice");
        TestAccounts.Account bob = accounts.signedIn(mvc, "bob");
        Workspace wa = accounts.workspace(alice, "A Corp");
        Workspace wb = accounts.workspace(bob, "B Corp");
        CurrentTenant a = accounts.asMember(alice, wa);
        CurrentTenant b = accounts.asMember(bob, wb);
        UUID conversation = UUID.randomUUID(); // B reuses A's conversation id
        UUID ofA = seed(a.id(), conversation, "Where is my parcel from A?");
        UUID ofB = seed(b.id(), conversation, "Do you sell gift cards at B?");
        UUID draftOfA = repository.drafts(a.id(), ofA).getFirst().id();

        assertThat(repository.cluster(b.id(), ofA)).isEmpty();
        assertThat(repository.members(b.id(), ofA, 10)).isEmpty();
        assertThat(repository.draft(b.id(), draftOfA)).isEmpty();
        assertThat(repository.drafts(b.id(), ofA)).isEmpty();
        assertThat(repository.clusters(b.id())).extracting(GapCluster::id).containsExactly(ofB);
        assertThat(repository.insights(b.id(), conversation)).extracting(MessageInsight::question)
                .containsExactly("Do you sell gift cards at B?");
        assertThat(repository.gapQuestions(b.id(), OffsetDateTime.now().minusDays(1), 10))
                .extracting(InsightsRepository.GapQuestion::question).containsExactly("Do you sell gift cards at B?");
        assertThat(repository.counts(b.id(), "topic", OffsetDateTime.now().minusDays(1))).containsOnlyKeys("other");
        assertThat(repository.countGapQuestions(b.id(), OffsetDateTime.now().minusDays(1))).isEqualTo(1);

        // B aims every write at A's ids: nothing of A changes
        tx.executeWithoutResult(s -> {
            assertThat(repository.rerun(b.id(), ofA, 1, 1, OffsetDateTime.now())).isFalse();
            assertThat(repository.markSaved(b.id(), draftOfA, "x", "y", UUID.randomUUID(), OffsetDateTime.now()))
                    .isFalse();
            repository.advance(b.id(), conversation, 99, OffsetDateTime.now());
            repository.eraseConversations(b.id(), List.of(conversation));
        });
        assertThat(repository.cluster(a.id(), ofA)).get().extracting(GapCluster::rerunAt).isNull();
        assertThat(repository.draft(a.id(), draftOfA)).get().extracting(ArticleDraft::status)
                .isEqualTo(ArticleDraft.Status.VALIDATED);
        assertThat(repository.insights(a.id(), conversation)).hasSize(1);
        Long analysed = tx.execute(s -> repository.lockProgress(a.id(), conversation).orElseThrow().analysedSeq());
        assertThat(analysed).isZero();
        assertThat(repository.insights(b.id(), conversation)).isEmpty();

        // the routes: B's admin cannot open A's cluster under B's slug, nor A's workspace at all
        String baseB = "/w/" + wb.slug() + "/gaps";
        mvc.perform(get(baseB + "/" + ofA).session(bob.session())).andExpect(status().isNotFound());
        mvc.perform(post(baseB + "/" + ofA + "/drafts").with(csrf()).session(bob.session()))
                .andExpect(status().isNotFound());
        mvc.perform(post(baseB + "/" + ofA + "/drafts/" + draftOfA + "/save").with(csrf()).session(bob.session())
                        .param("title", "t").param("body", "b").param("visibility", "PUBLIC"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/w/" + wa.slug() + "/gaps").session(bob.session()))
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(not(containsString("Where is my parcel from A?"))));
        mvc.perform(get("/w/" + wa.slug() + "/gaps").session(alice.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Where is my parcel from A?")))
                .andExpect(content().string(not(containsString("Do you sell gift cards at B?"))));
        mvc.perform(get("/w/" + wa.slug() + "/gaps/" + ofA).session(alice.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Where is my parcel from A?")));
    }

    @Test
    void erasingAWorkspaceLeavesNoRowsAndTheOtherWorkspaceIntact() throws Exception {
        TestAccounts.Account alice = accounts.signedIn(mvc, "alice");
        TestAccounts.Account bob = accounts.signedIn(mvc, "bob");
        CurrentTenant a = accounts.asMember(alice, accounts.workspace(alice, "A Corp"));
        CurrentTenant b = accounts.asMember(bob, accounts.workspace(bob, "B Corp"));
        seed(a.id(), UUID.randomUUID(), "A question");
        seed(b.id(), UUID.randomUUID(), "B question");
        int ofB = repository.rowsOf(b.id());
        tx.executeWithoutResult(s -> repository.eraseWorkspace(a.id()));
        assertThat(repository.rowsOf(a.id())).isZero();
        assertThat(repository.rowsOf(b.id())).isEqualTo(ofB).isPositive();
    }

    @Test
    void aNewClusteringKeepsDraftsAndReRunResultsWithTheirQuestions() throws Exception {
        TestAccounts.Account alice = accounts.signedIn(mvc, "alice");
        CurrentTenant a = accounts.asMember(alice, accounts.workspace(alice, "A Corp"));
        UUID conversation = UUID.randomUUID();
        UUID before = seed(a.id(), conversation, "Where is my parcel?");
        GapCluster.Member member = repository.members(a.id(), before, 10).getFirst();
        tx.executeWithoutResult(s -> repository.rerun(a.id(), before, 3, 4, OffsetDateTime.now()));

        UUID after = UUID.randomUUID();
        tx.executeWithoutResult(s -> repository.replaceClusters(a.id(),
                new GapCluster.Run(OffsetDateTime.now(), 1, 1, 1, "test", 1),
                List.of(new InsightsRepository.NewCluster(after, "Where is my parcel?", List.of("parcel"), 1, 1, 0,
                        List.of(0, 0, 0, 0, 0, 0, 0, 1), false, List.of(member)))));

        assertThat(repository.cluster(a.id(), before)).isEmpty();
        assertThat(repository.drafts(a.id(), after)).hasSize(1);
        assertThat(repository.cluster(a.id(), after)).get().extracting(GapCluster::rerunAnswered).isEqualTo(3);
    }

    @Test
    void theGapsPageIsForAdminsAndOwnersOnly() throws Exception {
        TestAccounts.Account owner = accounts.signedIn(mvc, "owner");
        Workspace w = accounts.workspace(owner, "Roles Corp");
        CurrentTenant admin = accounts.asMember(owner, w);
        UUID cluster = seed(admin.id(), UUID.randomUUID(), "Where is my parcel?");
        for (com.frontline.shared.Role role : List.of(com.frontline.shared.Role.AGENT,
                com.frontline.shared.Role.VIEWER)) {
            var user = accounts.user(role.name().toLowerCase());
            var invited = team.invite(admin, user.email(), role, "http://x");
            team.accept(invited.link().substring(invited.link().lastIndexOf('/') + 1),
                    new com.frontline.shared.Actor(user.id(), user.email()));
            var session = accounts.login(mvc, user.email());
            mvc.perform(get("/w/" + w.slug() + "/gaps").session(session)).andExpect(status().isForbidden());
            mvc.perform(get("/w/" + w.slug() + "/gaps/" + cluster).session(session))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/w/" + w.slug() + "/gaps/recluster").with(csrf()).session(session))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/w/" + w.slug() + "/gaps").session(owner.session())).andExpect(status().isOk());
    }

    @Test
    void backfillsAndReClustersAreEachWorkspacesOwn() throws Exception {
        TestAccounts.Account alice = accounts.signedIn(mvc, "alice");
        TestAccounts.Account bob = accounts.signedIn(mvc, "bob");
        Workspace wa = accounts.workspace(alice, "A Corp");
        Workspace wb = accounts.workspace(bob, "B Corp");
        CurrentTenant a = accounts.asMember(alice, wa);
        CurrentTenant b = accounts.asMember(bob, wb);
        UUID watermark = UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            background.startBackfill(a.id(), 3400, OffsetDateTime.now());
            background.backfillPage(a.id(), watermark, 1200, 1100, false, OffsetDateTime.now());
            assertThat(background.queueClustering(a.id(), 52, OffsetDateTime.now())).isTrue();
        });

        assertThat(background.backfill(b.id())).isEmpty();
        java.util.Optional<Backfill> locked = tx.execute(s -> background.lockBackfill(b.id()));
        assertThat(locked).isEmpty();
        assertThat(background.clusterJob(b.id())).isEmpty();
        assertThat(background.withoutBackfill(List.of(a.id(), b.id()))).containsExactly(b.id());
        // B's writes leave A's rows as they were
        tx.executeWithoutResult(s -> {
            background.backfillPage(b.id(), UUID.randomUUID(), 5, 5, true, OffsetDateTime.now());
            background.clusteringStarted(b.id(), 1, OffsetDateTime.now());
            background.clusteringFinished(b.id(), "B failed", OffsetDateTime.now());
            assertThat(background.startBackfill(b.id(), 1, OffsetDateTime.now())).isTrue();
        });
        Backfill ofA = background.backfill(a.id()).orElseThrow();
        assertThat(ofA.done()).isEqualTo(1200);
        assertThat(ofA.after()).isEqualTo(watermark);
        assertThat(ofA.running()).isTrue();
        ClusterJob jobOfA = background.clusterJob(a.id()).orElseThrow();
        assertThat(jobOfA.status()).isEqualTo(ClusterJob.Status.QUEUED);
        assertThat(jobOfA.runs()).isZero();
        assertThat(jobOfA.error()).isNull();

        // the page and its poll: A's progress under A's slug only
        mvc.perform(get("/w/" + wa.slug() + "/gaps").session(alice.session()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1,200")))
                .andExpect(content().string(containsString("Clustering 52 questions")));
        mvc.perform(get("/w/" + wb.slug() + "/gaps").session(bob.session()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("1,200"))))
                .andExpect(content().string(not(containsString("Clustering 52 questions"))));
        mvc.perform(get("/w/" + wa.slug() + "/gaps").session(bob.session()).header("HX-Request", "true"))
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(not(containsString("1,200"))));
        mvc.perform(post("/w/" + wa.slug() + "/gaps/recluster").with(csrf()).session(bob.session()))
                .andExpect(status().is4xxClientError());
        assertThat(background.clusterJob(a.id()).orElseThrow().requestedAt()).isEqualTo(jobOfA.requestedAt());
    }
}
