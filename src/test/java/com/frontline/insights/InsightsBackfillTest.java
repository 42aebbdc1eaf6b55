package com.frontline.insights;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.Author;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatMessage;
import com.frontline.chat.ChatService;
import com.frontline.chat.ChatService.PastMessage;
import com.frontline.chat.Conversation;
import com.frontline.chat.ConversationStatus;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.TenantId;
import com.frontline.tenants.TenantService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The backfill of conversations stored before the batch analysis (or recorded without the chat's events): each is
 * analysed exactly once, page by page with a committed watermark, across workspaces, after an interruption, and
 * never the ones the live batches own. The demo workspace, backfilled after its seed, shows real clusters.
 */
@IntegrationTest
class InsightsBackfillTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired ChatService chat;
    @Autowired InsightsService insights;
    @Autowired InsightsBackground background;
    @Autowired BackgroundRepository backgroundRepository;
    @Autowired InsightsRepository repository;
    @Autowired TransactionTemplate tx;
    @Autowired TenantService tenants;
    @Autowired com.frontline.identity.UserService users;

    private static final String FALLBACK = "I'm not sure about that one. Shall I connect you with someone?";

    /** A conversation of the past with its customer questions, each answered by the fallback; no events. */
    private UUID past(TenantId tenant, String... questions) {
        OffsetDateTime at = OffsetDateTime.now().minusDays(3);
        List<PastMessage> messages = new ArrayList<>();
        for (String q : questions) {
            messages.add(new PastMessage(Author.CUSTOMER, null, q, List.of(), null, false, null, at));
            messages.add(new PastMessage(Author.ASSISTANT, "Ava", FALLBACK, List.of(), 0.2, true, null,
                    at.plusSeconds(2)));
            at = at.plusMinutes(1);
        }
        return chat.recordPastConversation(tenant, Channel.WIDGET, "visitor:" + UUID.randomUUID(),
                ConversationStatus.BOT, null, messages);
    }

    private Map<UUID, Integer> analysedPerConversation(TenantId tenant, List<UUID> conversations) {
        return conversations.stream().collect(Collectors.toMap(c -> c, c -> insights.insights(tenant, c).size()));
    }

    private long noted(TenantId tenant, UUID conversationId) {
        return tx.execute(s -> repository.lockProgress(tenant, conversationId)
                .map(InsightsRepository.Progress::lastCustomerSeq).orElse(0L));
    }

    @Test
    void eachEarlierConversationIsAnalysedOnceAcrossTwoWorkspacesAfterAnInterruption() throws Exception {
        TestAccounts.Account alice = accounts.signedIn(mvc, "alice");
        TestAccounts.Account bob = accounts.signedIn(mvc, "bob");
        CurrentTenant a = accounts.asMember(alice, accounts.workspace(alice, "Backfill A"));
        CurrentTenant b = accounts.asMember(bob, accounts.workspace(bob, "Backfill B"));
        List<UUID> oldA = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            oldA.add(past(a.id(), "Do you sell gift cards, question " + i + "?", "And can I pay with one?"));
        }
        List<UUID> oldB = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            oldB.add(past(b.id(), "Is there a student discount " + i + "?"));
        }
        // a conversation of A that the live batches own: noted by the chat's event, not analysed yet
        Conversation live = chat.start(a.id(), Channel.WIDGET, "visitor-" + UUID.randomUUID());
        ChatMessage asked = chat.askAndWait(a.id(), live.id(), "Where is my parcel?").question();
        await(() -> noted(a.id(), live.id()) == asked.seq());
        // and one the live batches analysed already
        Conversation analysed = chat.start(a.id(), Channel.WIDGET, "visitor-" + UUID.randomUUID());
        ChatMessage done = chat.askAndWait(a.id(), analysed.id(), "Do you ship to Norway?").question();
        await(() -> noted(a.id(), analysed.id()) == done.seq());
        insights.analyse(a.id(), analysed.id(), done.seq());
        OffsetDateTime liveAnalysedAt = insights.insights(a.id(), analysed.id()).getFirst().askedAt();

        tx.executeWithoutResult(s -> {
            backgroundRepository.startBackfill(a.id(), 9, OffsetDateTime.now());
            backgroundRepository.startBackfill(b.id(), 4, OffsetDateTime.now());
        });
        // one page of A is committed, then the next page's work is lost with its transaction (the node died)
        assertThat(background.step(a.id(), 3)).isTrue();
        Backfill afterOne = backgroundRepository.backfill(a.id()).orElseThrow();
        assertThat(afterOne.done()).isEqualTo(3);
        tx.executeWithoutResult(s -> {
            background.step(a.id(), 3);
            s.setRollbackOnly();
        });
        assertThat(backgroundRepository.backfill(a.id()).orElseThrow().after()).isEqualTo(afterOne.after());
        assertThat(backgroundRepository.backfill(b.id()).orElseThrow().done()).as("B untouched by A's steps").isZero();

        // "restarted": the task runs both to the end
        background.runBackfill(a.id());
        background.runBackfill(b.id());
        assertThat(background.step(a.id(), 3)).as("done: nothing more").isFalse();

        assertThat(analysedPerConversation(a.id(), oldA)).as("two questions each, once")
                .allSatisfy((c, n) -> assertThat(n).isEqualTo(2));
        assertThat(analysedPerConversation(b.id(), oldB)).allSatisfy((c, n) -> assertThat(n).isEqualTo(1));
        Backfill doneA = backgroundRepository.backfill(a.id()).orElseThrow();
        assertThat(doneA.status()).isEqualTo(Backfill.Status.DONE);
        assertThat(doneA.done()).isEqualTo(9);
        assertThat(doneA.analysed()).as("the old ones only").isEqualTo(7);
        assertThat(backgroundRepository.backfill(b.id()).orElseThrow().analysed()).isEqualTo(4);
        assertThat(insights.insights(a.id(), live.id())).as("left to its live batch").isEmpty();
        assertThat(insights.insights(a.id(), analysed.id())).hasSize(1).first()
                .extracting(MessageInsight::askedAt).isEqualTo(liveAnalysedAt);
        // no workspace reads the other's questions
        assertThat(repository.gapQuestions(b.id(), OffsetDateTime.now().minusDays(30), 100))
                .extracting(InsightsRepository.GapQuestion::question).allMatch(q -> q.contains("student discount"))
                .hasSize(4);
        assertThat(repository.gapQuestions(a.id(), OffsetDateTime.now().minusDays(30), 100))
                .extracting(InsightsRepository.GapQuestion::question).noneMatch(q -> q.contains("student"));
        // the last page queued a re-cluster
        assertThat(background.clusterJob(a.id())).isPresent();

        // a second backfill of the same workspace does not start
        assertThat(background.backfill(a.id())).isFalse();
        assertThat(analysedPerConversation(a.id(), oldA)).allSatisfy((c, n) -> assertThat(n).isEqualTo(2));
    }

    @Test
    void theGapsPageShowsTheProgressAndPollsUntilDone() throws Exception {
        TestAccounts.Account carol = accounts.signedIn(mvc, "carol");
        var workspace = accounts.workspace(carol, "Progress Co");
        CurrentTenant c = accounts.asMember(carol, workspace);
        for (int i = 0; i < 5; i++) {
            past(c.id(), "Can I buy a spare jug number " + i + "?");
        }
        tx.executeWithoutResult(s -> backgroundRepository.startBackfill(c.id(), 5, OffsetDateTime.now()));
        background.step(c.id(), 2);
        String gaps = "/w/" + workspace.slug() + "/gaps";
        mvc.perform(get(gaps).session(carol.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Analysing earlier conversations"),
                        containsString("data-testid=\"backfill-done\">2<"), containsString("hx-trigger=\"every 2s\""))));
        // the poll gets the status region only, without a reload while it runs
        mvc.perform(get(gaps).session(carol.session()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("HX-Refresh"))
                .andExpect(content().string(allOf(containsString("id=\"gaps-status\""),
                        not(containsString("<html")))));
        background.runBackfill(c.id());
        await(() -> background.clusterJob(c.id()).map(j -> !j.active()).orElse(false));
        // done: the poll reloads the page, which no longer polls
        mvc.perform(get(gaps).session(carol.session()).header("HX-Request", "true"))
                .andExpect(header().string("HX-Refresh", "true"));
        mvc.perform(get(gaps).session(carol.session()))
                .andExpect(content().string(allOf(not(containsString("Analysing earlier conversations")),
                        not(containsString("hx-trigger=\"every 2s\"")))));
    }

    @Test
    void theDemoWorkspaceIsBackfilledAfterItsSeedAndShowsClusters() {
        var admin = users.findByEmail("admin@acme.test").orElseThrow();
        TenantId acme = tenants.resolve(admin.id(), admin.email(), "acme").orElseThrow().id();
        await(() -> background.backfillProgress(acme).map(b -> !b.running()).orElse(false));
        await(() -> background.clusterJob(acme).map(j -> !j.active()).orElse(false)
                && !insights.clusters(acme).isEmpty());
        assertThat(background.clusterJob(acme).orElseThrow().status()).isEqualTo(ClusterJob.Status.DONE);
        List<String> labels = insights.clusters(acme).stream().map(GapCluster::label).toList();
        assertThat(labels).as("clusters: " + labels).hasSizeGreaterThanOrEqualTo(3);
        String all = String.join(" | ", labels).toLowerCase(java.util.Locale.ROOT);
        assertThat(List.of("gift", "spare", "student", "norway").stream().filter(all::contains).count())
                .as("themes among " + labels).isGreaterThanOrEqualTo(3);
    }
}
