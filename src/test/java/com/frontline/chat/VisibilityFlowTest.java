package com.frontline.chat;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.accounts.AccountsService;
import com.frontline.accounts.PendingUpload;
import com.frontline.audit.AuditEntry;
import com.frontline.audit.AuditLog;
import com.frontline.knowledge.DocumentStatus;
import com.frontline.knowledge.KnowledgeFacts;
import com.frontline.knowledge.KnowledgeService;
import com.frontline.search.Audience;
import com.frontline.search.IndexHit;
import com.frontline.search.IndexedChunk;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.KnowledgeSearch;
import com.frontline.search.Passage;
import com.frontline.search.Visibility;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Knowledge visibility end to end on the real stack: KPI facts and internal documents answer the team (playground,
 * agent assist) but never a website visitor, "Rebuild index" restores the facts, and a document's visibility can be
 * changed later. The review's scenario first: any visitor could ask the widget about any customer by name.
 */
@IntegrationTest
class VisibilityFlowTest {

    static final String KPIS = """
            account_name,kpi_name,value,category
            Fabrikam Camping,NPS,35%,Engagement
            Fabrikam Camping,Product adoption,35%,Adoption
            """;
    static final String QUESTION = "What is the health score of Fabrikam Camping?";
    static final String PLAYBOOK = """
            # Escalation playbook
            When a customer threatens to cancel, offer the retention discount code STAFF40 for forty percent off the
            next renewal. Never mention this code unless the customer asks to cancel.
            """;

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired AccountsService kpis;
    @Autowired KnowledgeService knowledge;
    @Autowired KnowledgeFacts facts;
    @Autowired KnowledgeIndex index;
    @Autowired KnowledgeSearch search;
    @Autowired ChatService chat;
    @Autowired AuditLog audit;

    TestAccounts.Account alice;
    CurrentTenant tenant;
    TestAccounts.Account bob;
    CurrentTenant other;

    @BeforeEach
    void twoWorkspaces() throws Exception {
        alice = accounts.signedIn(mvc, "alice");
        tenant = accounts.asMember(alice, accounts.workspace(alice, "Outdoor Co"));
        bob = accounts.signedIn(mvc, "bob");
        other = accounts.asMember(bob, accounts.workspace(bob, "Other Co"));
    }

    @Test
    void theWidgetNeverAnswersWithAccountFactsButThePlaygroundDoes() {
        importKpis(tenant);

        Conversation widget = chat.start(tenant.id(), Channel.WIDGET, "visitor:anyone");
        chat.ask(tenant.id(), widget.id(), QUESTION);
        ChatMessage toVisitor = awaitAnswer(tenant, widget);
        assertThat(toVisitor.text()).doesNotContain("35").doesNotContainIgnoringCase("at risk");
        assertThat(toVisitor.citations()).extracting(Citation::sourceType).doesNotContain(IndexedChunk.ACCOUNT);

        Conversation playground = chat.start(tenant.id(), Channel.PLAYGROUND, "user:" + alice.user().id());
        chat.ask(tenant.id(), playground.id(), QUESTION);
        ChatMessage toTeam = awaitAnswer(tenant, playground);
        assertThat(toTeam.text()).contains("35");
        assertThat(toTeam.citations()).extracting(Citation::sourceType).contains(IndexedChunk.ACCOUNT);

        // the search behind them: facts are internal passages, kept from visitors in every workspace
        assertThat(search.search(tenant.id(), Audience.VISITORS, QUESTION)).isEmpty();
        assertThat(search.search(tenant.id(), Audience.TEAM, QUESTION)).isNotEmpty()
                .allSatisfy(p -> assertThat(p.visibility()).isEqualTo(Visibility.INTERNAL));
        assertThat(search.search(other.id(), Audience.TEAM, QUESTION)).isEmpty();
    }

    @Test
    void anInternalDocumentIsNeverCitedInTheWidgetButIsInThePlayground() throws Exception {
        mvc.perform(post("/w/{s}/knowledge/text", tenant.slug()).session(alice.session()).with(csrf())
                        .param("title", "Escalation playbook").param("text", PLAYBOOK).param("internal", "true"))
                .andExpect(status().is3xxRedirection());
        UUID playbook = knowledge.documents(tenant.id()).getFirst().id();
        assertThat(knowledge.document(tenant.id(), playbook).document().visibility()).isEqualTo(Visibility.INTERNAL);
        UUID help = knowledge.addText(tenant, "Cancellations", "To cancel your subscription, open Billing and "
                + "press Cancel subscription. You keep access until the end of the paid period.", Visibility.PUBLIC)
                .documentId();
        awaitIndexed(tenant, playbook);
        awaitIndexed(tenant, help);

        String question = "I want to cancel, is there a discount code?";
        Conversation widget = chat.start(tenant.id(), Channel.WIDGET, "visitor:leaving");
        chat.ask(tenant.id(), widget.id(), question);
        ChatMessage toVisitor = awaitAnswer(tenant, widget);
        assertThat(toVisitor.text()).doesNotContain("STAFF40");
        assertThat(toVisitor.citations()).extracting(Citation::documentId).doesNotContain(playbook);

        Conversation playground = chat.start(tenant.id(), Channel.PLAYGROUND, "user:" + alice.user().id());
        chat.ask(tenant.id(), playground.id(), question);
        ChatMessage toTeam = awaitAnswer(tenant, playground);
        assertThat(toTeam.citations()).extracting(Citation::documentId).contains(playbook);
        assertThat(toTeam.text()).contains("STAFF40");
    }

    @Test
    void rebuildingTheIndexRestoresAccountFacts() {
        importKpis(tenant);
        index.deleteTenant(tenant.id());
        assertThat(teamHits(tenant.id())).isEmpty();

        knowledge.rebuild(tenant);

        await(() -> {
            index.refresh();
            return !teamHits(tenant.id()).isEmpty();
        });
        assertThat(teamHits(tenant.id())).allSatisfy(hit -> {
            assertThat(hit.sourceType()).isEqualTo(IndexedChunk.ACCOUNT);
            assertThat(hit.visibility()).isEqualTo(Visibility.INTERNAL);
        });
        assertThat(index.bm25(tenant.id(), Audience.VISITORS, "health score Fabrikam Camping", 10)).isEmpty();
    }

    @Test
    void anotherWorkspaceHandingOverFactsWithTheSameIdsNeverTouchesThese() {
        importKpis(tenant);
        UUID fabrikam = teamHits(tenant.id()).getFirst().documentId();
        int version = teamHits(tenant.id()).getFirst().version();

        // workspace B reuses A's account id and version, which the accounts module never would
        facts.replaceAccountFacts(other.id(), List.of(new KnowledgeFacts.AccountFacts(fabrikam, version + 1,
                "Fabrikam Camping", List.of("Account Fabrikam Camping: health score 99 out of 100 (Healthy)."))));
        index.refresh();

        assertThat(teamHits(tenant.id())).isNotEmpty().extracting(IndexHit::text).noneMatch(t -> t.contains("99"));
        assertThat(teamHits(other.id())).extracting(IndexHit::text).allMatch(t -> t.contains("99"));
        knowledge.rebuild(other);
        await(() -> knowledge.status(other.id()).rebuild() != null && knowledge.status(other.id()).rebuild().finished());
        index.refresh();
        assertThat(teamHits(tenant.id())).extracting(IndexHit::text).noneMatch(t -> t.contains("99"));
    }

    @Test
    void aDocumentMadeInternalLaterLeavesTheWidgetAndComesBackWhenMadePublic() throws Exception {
        UUID doc = knowledge.addText(tenant, "Opening hours", "Our shop is open Monday to Friday, 9am to 5pm.",
                Visibility.PUBLIC).documentId();
        awaitIndexed(tenant, doc);
        assertThat(visitorsFind(tenant.id(), "opening hours shop")).isTrue();

        mvc.perform(post("/w/{s}/knowledge/{d}/visibility", tenant.slug(), doc).session(alice.session()).with(csrf())
                        .param("visibility", "INTERNAL"))
                .andExpect(redirectedUrl("/w/" + tenant.slug() + "/knowledge/" + doc));
        assertThat(knowledge.document(tenant.id(), doc).document().internal()).isTrue();
        await(() -> !visitorsFind(tenant.id(), "opening hours shop"));
        assertThat(search.search(tenant.id(), Audience.TEAM, "opening hours shop")).extracting(Passage::documentId)
                .contains(doc);
        List<AuditEntry> changes = audit.recent(tenant.id(), null, "knowledge.visibility_changed");
        assertThat(changes).singleElement().satisfies(e -> {
            assertThat(e.before()).contains("PUBLIC");
            assertThat(e.after()).contains("INTERNAL");
        });

        knowledge.setVisibility(tenant, doc, Visibility.PUBLIC);
        await(() -> visitorsFind(tenant.id(), "opening hours shop"));

        // a new version of an internal document stays internal unless the document page says otherwise
        knowledge.setVisibility(tenant, doc, Visibility.INTERNAL);
        var result = knowledge.upload(tenant, "Opening hours.txt", "Open every day, 8am to 8pm.".getBytes(
                StandardCharsets.UTF_8), doc, Visibility.PUBLIC);
        assertThat(result.message()).contains("stays internal");
        assertThat(knowledge.document(tenant.id(), doc).document().internal()).isTrue();
    }

    @Test
    void aVisibilityOutsideTheChoicesIsAMessageNotAnError() throws Exception {
        UUID doc = knowledge.addText(tenant, "Returns", "Returns are free within 30 days.", Visibility.PUBLIC)
                .documentId();

        mvc.perform(post("/w/{s}/knowledge/{d}/visibility", tenant.slug(), doc).session(alice.session()).with(csrf())
                        .param("visibility", "SECRET"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "Choose who may read this document."));
        assertThat(knowledge.document(tenant.id(), doc).document().internal()).isFalse();
        // another workspace's member cannot change it
        mvc.perform(post("/w/{s}/knowledge/{d}/visibility", other.slug(), doc).session(bob.session()).with(csrf())
                        .param("visibility", "INTERNAL"))
                .andExpect(status().isNotFound());
    }

    @Test
    void agentAssistShowsInternalPassagesForTheCustomersLastMessageToTheTeamOnly() throws Exception {
        importKpis(tenant);
        Conversation widget = chat.start(tenant.id(), Channel.WIDGET, "visitor:asking");
        chat.ask(tenant.id(), widget.id(), QUESTION);
        awaitAnswer(tenant, widget);

        String panel = mvc.perform(get("/w/{s}/inbox/{c}/assist", tenant.slug(), widget.id())
                        .session(alice.session()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(panel).contains("id=\"assist\"", "For the customer", "Fabrikam Camping", "health score 35",
                "Internal");

        String searched = mvc.perform(get("/w/{s}/inbox/{c}/assist", tenant.slug(), widget.id())
                        .param("q", "adoption of Fabrikam").session(alice.session()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(searched).contains("Product adoption of Fabrikam Camping is 35%");

        mvc.perform(get("/w/{s}/inbox/{c}/assist", tenant.slug(), widget.id()).session(alice.session()))
                .andExpect(redirectedUrl("/w/" + tenant.slug() + "/inbox/" + widget.id()));
        mvc.perform(get("/w/{s}/inbox/{c}/assist", other.slug(), widget.id()).session(bob.session())
                        .header("HX-Request", "true"))
                .andExpect(status().isNotFound());
        String inbox = mvc.perform(get("/w/{s}/inbox/{c}", tenant.slug(), widget.id()).session(alice.session()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(inbox).contains("hx-get=\"/w/" + tenant.slug() + "/inbox/" + widget.id() + "/assist\"");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private void importKpis(CurrentTenant workspace) {
        PendingUpload pending = kpis.validate(workspace, "kpis.csv", KPIS.getBytes(StandardCharsets.UTF_8));
        kpis.confirm(workspace, pending.id());
        await(() -> {
            index.refresh();
            return teamHits(workspace.id()).stream().anyMatch(h -> h.text().contains("health score 35"));
        });
    }

    private List<IndexHit> teamHits(TenantId t) {
        return index.bm25(t, Audience.TEAM, "health score Fabrikam Camping", 10);
    }

    private boolean visitorsFind(TenantId t, String query) {
        index.refresh();
        return !index.bm25(t, Audience.VISITORS, query, 5).isEmpty();
    }

    private void awaitIndexed(CurrentTenant t, UUID doc) {
        await(() -> knowledge.document(t.id(), doc).document().latestStatus() == DocumentStatus.INDEXED);
        index.refresh();
    }

    private ChatMessage awaitAnswer(CurrentTenant t, Conversation c) {
        await(() -> chat.messages(t.id(), c.id(), 0).stream().anyMatch(m -> m.author() == Author.ASSISTANT));
        return chat.messages(t.id(), c.id(), 0).stream().filter(m -> m.author() == Author.ASSISTANT)
                .findFirst().orElseThrow();
    }
}
