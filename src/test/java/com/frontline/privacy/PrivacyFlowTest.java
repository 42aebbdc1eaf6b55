package com.frontline.privacy;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.search.IndexedChunk;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.Visibility;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import com.frontline.shared.privacy.ConversationsErased;
import com.frontline.shared.privacy.WorkspaceErased;
import com.frontline.tenants.TeamService;
import com.frontline.tenants.Workspace;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.frontline.db.chat.Tables.MESSAGES;
import static com.frontline.db.chat.Tables.WEBHOOK_DELIVERIES;
import static com.frontline.db.corrections.Tables.CORRECTIONS_;
import static com.frontline.db.corrections.Tables.HANDOFF_PROPOSALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One end customer's export and erasure, and the deletion of a whole workspace, through the pages: everything held
 * goes, in PostgreSQL (checked by query) and Elasticsearch, in one workspace only; an Elasticsearch failure leaves the
 * erasure pending until the retry completes it; roles and workspaces are kept apart.
 */
@IntegrationTest
@RecordApplicationEvents
class PrivacyFlowTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired TeamService team;
    @Autowired DSLContext dsl;
    @Autowired KnowledgeIndex index;
    @Autowired PrivacyService privacy;
    @Autowired JsonMapper json;
    @Autowired ApplicationEvents events;

    TestAccounts.Account owner;
    Workspace a;
    Workspace b;
    CurrentTenant ownerOfA;
    TestAccounts.Account bobOwnsB;
    String base;

    @BeforeEach
    void twoWorkspaces() throws Exception {
        owner = accounts.signedIn(mvc, "olive");
        a = accounts.workspace(owner, "Privacy Co");
        ownerOfA = accounts.asMember(owner, a);
        bobOwnsB = accounts.signedIn(mvc, "bob");
        b = accounts.workspace(bobOwnsB, "Other Co");
        base = "/w/" + a.slug() + "/settings/privacy";
    }

    @Test
    void exportHoldsEverythingThenErasureLeavesNothingInEitherStoreAndOnlyInThatWorkspace() throws Exception {
        String visitor = "visitor-" + UUID.randomUUID();
        UUID c1 = conversation(a.id(), visitor, null, OffsetDateTime.now().minusDays(3));
        UUID c2 = conversation(a.id(), "other-visitor-id", "Jane.Doe@Example.com", OffsetDateTime.now().minusDays(1));
        UUID keep = conversation(a.id(), "someone-else", "someone@example.com", OffsetDateTime.now());
        // the same visitor id in the other workspace is another person's business
        UUID inB = conversation(b.id(), visitor, "jane.doe@example.com", OffsetDateTime.now());
        UUID correction = correction(a.id(), c1, "My card 4111 1111 1111 1111 was charged twice");
        UUID correctionInB = correction(b.id(), inB, "Charged twice");
        webhookDelivery(a.id(), c1);
        proposal(a.id(), c2, correction);
        indexCorrection(a.id(), correction);
        indexCorrection(b.id(), correctionInB);
        long chunksInA = index.count(a.id());
        long chunksInB = index.count(b.id());

        // find by e-mail (any case): the conversations of that address
        mvc.perform(post(base + "/customer").param("customer", "jane.doe@example.com").session(owner.session())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"customer-found\"")))
                .andExpect(content().string(containsString("1 conversation")));

        // the export: one JSON with the conversations, messages, feedback, handoff deliveries and corrections
        String exported = mvc.perform(post(base + "/customer/export").param("customer", visitor)
                        .session(owner.session()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsString();
        JsonNode doc = json.readTree(exported);
        assertThat(doc.get("conversations")).hasSize(1);
        JsonNode conversation = doc.get("conversations").get(0);
        assertThat(conversation.get("id").asString()).isEqualTo(c1.toString());
        assertThat(conversation.get("visitor_id").asString()).isEqualTo(visitor);
        assertThat(conversation.get("messages")).hasSize(2);
        assertThat(conversation.get("messages").get(1).get("feedback_comment").asString())
                .isEqualTo("Call me on +44 20 7946 0958");
        assertThat(conversation.get("handoffWebhookDeliveries")).hasSize(1);
        assertThat(doc.get("corrections")).hasSize(1);
        assertThat(doc.get("corrections").get(0).get("id").asString()).isEqualTo(correction.toString());
        assertThat(exported).doesNotContain(inB.toString()).doesNotContain(keep.toString());

        // a wrong confirmation: nothing happens, the field says why
        mvc.perform(post(base + "/customer/erase").param("customer", visitor).param("confirmation", "nope")
                        .session(owner.session()).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("data-testid=\"confirmation-error\"")));
        assertThat(count(a.id(), c1)).isEqualTo(1);

        // erase by visitor id, then by e-mail
        events.clear();
        mvc.perform(post(base + "/customer/erase").param("customer", visitor).param("confirmation", visitor)
                        .session(owner.session()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(base + "/customer/erase").param("customer", "JANE.DOE@example.com")
                        .param("confirmation", "JANE.DOE@example.com").session(owner.session()).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(count(a.id(), c1)).isZero();
        assertThat(count(a.id(), c2)).isZero();
        assertThat(dsl.fetchCount(MESSAGES, MESSAGES.TENANT_ID.eq(a.id().value())
                .and(MESSAGES.CONVERSATION_ID.in(c1, c2)))).isZero();
        assertThat(dsl.fetchCount(WEBHOOK_DELIVERIES, WEBHOOK_DELIVERIES.TENANT_ID.eq(a.id().value()))).isZero();
        assertThat(dsl.fetchCount(CORRECTIONS_, CORRECTIONS_.TENANT_ID.eq(a.id().value()))).isZero();
        assertThat(dsl.fetchCount(HANDOFF_PROPOSALS, HANDOFF_PROPOSALS.TENANT_ID.eq(a.id().value()))).isZero();
        // no trace of the visitor or the address anywhere in the workspace's rows (the audit entries hold counts)
        assertThat(rowsMentioning(a.id(), visitor)).isEmpty();
        assertThat(rowsMentioning(a.id(), "jane.doe@example.com")).isEmpty();
        // Elasticsearch: the correction's chunk is gone, the other workspace's stays
        assertThat(index.count(a.id())).isEqualTo(chunksInA - 1);
        assertThat(index.count(b.id())).isEqualTo(chunksInB);
        // the rest is untouched
        assertThat(count(a.id(), keep)).isEqualTo(1);
        assertThat(count(b.id(), inB)).isEqualTo(1);
        assertThat(dsl.fetchCount(CORRECTIONS_, CORRECTIONS_.TENANT_ID.eq(b.id().value()))).isEqualTo(1);
        // the event for the modules holding derived rows, and the audit entries with counts only
        assertThat(events.stream(ConversationsErased.class)).containsExactly(
                new ConversationsErased(a.id(), List.of(c1)), new ConversationsErased(a.id(), List.of(c2)));
        List<String> audited = dsl.fetch("select after::text from audit.entries where tenant_id = ? and action = "
                + "'privacy.customer_erased'", a.id().value()).into(String.class);
        assertThat(audited).hasSize(2).allSatisfy(entry -> assertThat(entry).contains("\"conversations\": 1")
                .doesNotContain(visitor).doesNotContain("jane"));
        mvc.perform(get(base).session(owner.session()))
                .andExpect(content().string(containsString("data-testid=\"erasures\"")))
                .andExpect(content().string(not(containsString(">pending<"))));
    }

    @Test
    void anUnknownCustomerGetsAClearMessageAndNothingHappens() throws Exception {
        UUID c = conversation(a.id(), "known-visitor", null, OffsetDateTime.now());
        mvc.perform(post(base + "/customer").param("customer", "nobody@example.com").session(owner.session())
                        .with(csrf()))
                .andExpect(content().string(containsString("Nothing is held for this visitor id or e-mail address.")));
        mvc.perform(post(base + "/customer/export").param("customer", "nobody@example.com")
                        .session(owner.session()).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Nothing is held")));
        mvc.perform(post(base + "/customer/erase").param("customer", "nobody@example.com")
                        .param("confirmation", "nobody@example.com").session(owner.session()).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Nothing is held")));
        mvc.perform(post(base + "/customer/erase").param("customer", " ").param("confirmation", " ")
                        .session(owner.session()).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Enter the visitor id")));
        assertThat(count(a.id(), c)).isEqualTo(1);
        assertThat(dsl.fetchCount(DSL.table("privacy.erasures"), DSL.field("tenant_id").eq(a.id().value()))).isZero();
    }

    @Test
    void anElasticsearchFailureLeavesTheErasurePendingUntilTheRetryCompletesIt() throws Exception {
        UUID c = conversation(a.id(), "visitor-es", null, OffsetDateTime.now());
        UUID correction = correction(a.id(), c, "Where is my parcel?");
        indexCorrection(a.id(), correction);
        long before = index.count(a.id());

        Object real = elasticsearchUnreachable();
        try {
            mvc.perform(post(base + "/customer/erase").param("customer", "visitor-es")
                            .param("confirmation", "visitor-es").session(owner.session()).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                            .attribute("notice", containsString("pending")));
            // the database part is done; the search document is still there, and the page says pending
            assertThat(count(a.id(), c)).isZero();
            assertThat(index.count(a.id())).isEqualTo(before);
            mvc.perform(get(base).session(owner.session()))
                    .andExpect(content().string(containsString(">pending<")));
            privacy.retryPending(); // still failing: still pending, one more attempt recorded
            Erasure stillPending = privacy.recentErasures(a.id()).getFirst();
            assertThat(stillPending.pending()).isTrue();
            assertThat(stillPending.attempts()).isEqualTo(2);
            assertThat(stillPending.lastError()).contains("unreachable");
        } finally {
            ReflectionTestUtils.setField(privacy, "search", real);
        }
        privacy.retryPending();
        Erasure done = privacy.recentErasures(a.id()).getFirst();
        assertThat(done.pending()).isFalse();
        assertThat(done.searchDocuments()).isEmpty();
        assertThat(index.count(a.id())).isEqualTo(before - 1);
        privacy.retryPending(); // idempotent: nothing left to do
        assertThat(privacy.recentErasures(a.id()).getFirst().attempts()).isEqualTo(done.attempts());
    }

    @Test
    void retentionSettingTakesBlankOrSevenDaysAndMoreWithAClearMessage() throws Exception {
        mvc.perform(post(base + "/retention").param("retentionDays", "3").session(owner.session()).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("data-testid=\"retention-error\"")));
        mvc.perform(post(base + "/retention").param("retentionDays", "soon").session(owner.session()).with(csrf()))
                .andExpect(status().isUnprocessableEntity());
        assertThat(privacy.retentionDays(a.id())).isNull();
        mvc.perform(post(base + "/retention").param("retentionDays", "30").session(owner.session()).with(csrf()))
                .andExpect(redirectedUrl(base));
        assertThat(privacy.retentionDays(a.id())).isEqualTo(30);
        assertThat(privacy.retentionDays(b.id())).isNull();
        mvc.perform(post(base + "/retention").param("retentionDays", "").session(owner.session()).with(csrf()))
                .andExpect(redirectedUrl(base));
        assertThat(privacy.retentionDays(a.id())).isNull();
    }

    @Test
    void rolesAndWorkspacesAreKeptApart() throws Exception {
        MockHttpSession agent = member(Role.AGENT);
        MockHttpSession admin = member(Role.ADMIN);
        conversation(a.id(), "visitor-routes", null, OffsetDateTime.now());

        mvc.perform(get(base).session(agent)).andExpect(status().isForbidden());
        mvc.perform(post(base + "/customer").param("customer", "visitor-routes").session(agent).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/customer/export").param("customer", "visitor-routes").session(agent).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/customer/erase").param("customer", "visitor-routes")
                .param("confirmation", "visitor-routes").session(agent).with(csrf())).andExpect(status().isForbidden());
        // an Admin sees no danger zone and cannot delete the workspace
        mvc.perform(get(base).session(admin)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("danger-zone"))));
        mvc.perform(post(base + "/delete-workspace").param("confirmName", a.name()).session(admin).with(csrf()))
                .andExpect(status().isForbidden());
        // another workspace's owner sees nothing of this one
        mvc.perform(get(base).session(bobOwnsB.session())).andExpect(status().isNotFound());
        mvc.perform(post(base + "/customer").param("customer", "visitor-routes").session(bobOwnsB.session())
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(base + "/customer/erase").param("customer", "visitor-routes")
                        .param("confirmation", "visitor-routes").session(bobOwnsB.session()).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(base + "/delete-workspace").param("confirmName", a.name()).session(bobOwnsB.session())
                .with(csrf())).andExpect(status().isNotFound());
        // and bob looking the visitor up in his own workspace finds nothing
        mvc.perform(post("/w/" + b.slug() + "/settings/privacy/customer").param("customer", "visitor-routes")
                        .session(bobOwnsB.session()).with(csrf()))
                .andExpect(content().string(containsString("Nothing is held")));
        assertThat(dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.TENANT_ID.eq(a.id().value()))).isEqualTo(1);
        assertThat(dsl.fetchExists(DSL.table("tenants.workspaces"), DSL.field("id").eq(a.id().value()))).isTrue();
    }

    @Test
    void theOwnerDeletesTheWholeWorkspaceInEverySchemaAndSearchWhileTheOtherStays() throws Exception {
        // some data in many schemas of both workspaces
        for (Workspace w : List.of(a, b)) {
            UUID c = conversation(w.id(), "visitor-" + w.slug(), "x@example.com", OffsetDateTime.now());
            correction(w.id(), c, "How do I return an item?");
            webhookDelivery(w.id(), c);
            indexCorrection(w.id(), UUID.randomUUID());
            mvc.perform(post("/w/" + w.slug() + "/settings/privacy/retention").param("retentionDays", "90")
                    .session(w == a ? owner.session() : bobOwnsB.session()).with(csrf()));
        }
        Map<String, Integer> bBefore = rowsPerTable(b.id());
        assertThat(rowsPerTable(a.id())).isNotEmpty();
        long bChunks = index.count(b.id());

        // a wrong name: nothing happens
        mvc.perform(post(base + "/delete-workspace").param("confirmName", "Privacy").session(owner.session())
                        .with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("data-testid=\"confirm-name-error\"")));
        assertThat(rowsPerTable(a.id())).isNotEmpty();

        events.clear();
        mvc.perform(post(base + "/delete-workspace").param("confirmName", "Privacy Co").session(owner.session())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/onboarding"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("notice", containsString("Privacy Co")));

        // every table with a tenant_id column (found through information_schema, so new tables count too)
        assertThat(rowsPerTable(a.id())).isEmpty();
        assertThat(rowsPerTable(b.id())).isEqualTo(bBefore);
        assertThat(index.count(a.id())).isZero();
        assertThat(index.count(b.id())).isEqualTo(bChunks);
        assertThat(events.stream(WorkspaceErased.class)).containsExactly(new WorkspaceErased(a.id()));
        assertThat(privacy.workspaceDeletionStatus(a.id())).isEqualTo("DONE");
        assertThat(privacy.workspaceDeletionStatus(b.id())).isNull();
        mvc.perform(get(base).session(owner.session())).andExpect(status().isNotFound());
    }

    @Test
    void aWorkspaceDeletionWhoseSearchPartFailsIsPendingUntilTheRetryCompletesIt() throws Exception {
        indexCorrection(a.id(), UUID.randomUUID());
        indexCorrection(b.id(), UUID.randomUUID());
        long bChunks = index.count(b.id());
        Object real = elasticsearchUnreachable();
        try {
            mvc.perform(post(base + "/delete-workspace").param("confirmName", "Privacy Co").session(owner.session())
                    .with(csrf())).andExpect(status().is3xxRedirection());
            assertThat(rowsPerTable(a.id())).isEmpty();
            assertThat(privacy.workspaceDeletionStatus(a.id())).isEqualTo("PENDING");
            assertThat(index.count(a.id())).isPositive();
            privacy.retryPending();
            assertThat(privacy.workspaceDeletionStatus(a.id())).isEqualTo("PENDING");
        } finally {
            ReflectionTestUtils.setField(privacy, "search", real);
        }
        privacy.retryPending();
        assertThat(privacy.workspaceDeletionStatus(a.id())).isEqualTo("DONE");
        assertThat(index.count(a.id())).isZero();
        assertThat(index.count(b.id())).isEqualTo(bChunks);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** Swaps the erasures' Elasticsearch part for one that always fails; returns the real one to put back. */
    private Object elasticsearchUnreachable() {
        Object real = ReflectionTestUtils.getField(privacy, "search");
        ReflectionTestUtils.setField(privacy, "search", new SearchDocuments() {
            @Override
            public void delete(TenantId tenant, Collection<UUID> documentIds) {
                throw new IllegalStateException("Elasticsearch unreachable (test)");
            }

            @Override
            public void deleteTenant(TenantId tenant) {
                throw new IllegalStateException("Elasticsearch unreachable (test)");
            }
        });
        return real;
    }

    private MockHttpSession member(Role role) throws Exception {
        var user = accounts.user(role.name().toLowerCase());
        var created = team.invite(ownerOfA, user.email(), role, "http://x");
        team.accept(created.link().substring(created.link().lastIndexOf('/') + 1), new Actor(user.id(), user.email()));
        return accounts.login(mvc, user.email());
    }

    private int count(TenantId tenant, UUID conversation) {
        return dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.TENANT_ID.eq(tenant.value()).and(CONVERSATIONS.ID.eq(conversation)));
    }

    private UUID conversation(TenantId tenant, String visitor, String email, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(CONVERSATIONS).set(CONVERSATIONS.TENANT_ID, tenant.value()).set(CONVERSATIONS.ID, id)
                .set(CONVERSATIONS.CHANNEL, "WIDGET").set(CONVERSATIONS.VISITOR_ID, visitor)
                .set(CONVERSATIONS.CUSTOMER_EMAIL, email).set(CONVERSATIONS.CUSTOMER_NAME, "Jane Doe")
                .set(CONVERSATIONS.CREATED_AT, at).set(CONVERSATIONS.UPDATED_AT, at).execute();
        dsl.insertInto(MESSAGES).set(MESSAGES.TENANT_ID, tenant.value()).set(MESSAGES.ID, UUID.randomUUID())
                .set(MESSAGES.CONVERSATION_ID, id).set(MESSAGES.AUTHOR, "CUSTOMER")
                .set(MESSAGES.BODY, "I'm " + visitor + ", card 4111 1111 1111 1111").set(MESSAGES.CREATED_AT, at)
                .execute();
        dsl.insertInto(MESSAGES).set(MESSAGES.TENANT_ID, tenant.value()).set(MESSAGES.ID, UUID.randomUUID())
                .set(MESSAGES.CONVERSATION_ID, id).set(MESSAGES.AUTHOR, "ASSISTANT").set(MESSAGES.BODY, "Sorry!")
                .set(MESSAGES.CITATIONS, JSONB.valueOf("[]")).set(MESSAGES.FEEDBACK, (short) -1)
                .set(MESSAGES.FEEDBACK_COMMENT, "Call me on +44 20 7946 0958").set(MESSAGES.CREATED_AT, at.plusSeconds(2))
                .execute();
        return id;
    }

    private UUID correction(TenantId tenant, UUID conversation, String question) {
        UUID id = UUID.randomUUID();
        Float[] embedding = new Float[384];
        java.util.Arrays.fill(embedding, 0f);
        embedding[0] = 1f;
        dsl.insertInto(CORRECTIONS_).set(CORRECTIONS_.TENANT_ID, tenant.value()).set(CORRECTIONS_.ID, id)
                .set(CORRECTIONS_.QUESTION, question).set(CORRECTIONS_.ANSWER, "We refunded it.")
                .set(CORRECTIONS_.STATUS, "PENDING").set(CORRECTIONS_.ORIGIN, "HANDOFF")
                .set(CORRECTIONS_.CONVERSATION_ID, conversation).set(CORRECTIONS_.AUTHOR_NAME, "Sam")
                .set(CORRECTIONS_.LAST_ACTOR, "Sam").set(CORRECTIONS_.QUESTION_EMBEDDING, embedding).execute();
        dsl.execute("insert into corrections.correction_versions (tenant_id, correction_id, text_version, question, "
                + "answer, written_by) values (?, ?, 1, ?, 'We refunded it.', 'Sam')", tenant.value(), id, question);
        return id;
    }

    private void proposal(TenantId tenant, UUID conversation, UUID correction) {
        dsl.insertInto(HANDOFF_PROPOSALS).set(HANDOFF_PROPOSALS.TENANT_ID, tenant.value())
                .set(HANDOFF_PROPOSALS.CONVERSATION_ID, conversation).set(HANDOFF_PROPOSALS.CORRECTION_ID, correction)
                .execute();
    }

    private void webhookDelivery(TenantId tenant, UUID conversation) {
        dsl.insertInto(WEBHOOK_DELIVERIES).set(WEBHOOK_DELIVERIES.TENANT_ID, tenant.value())
                .set(WEBHOOK_DELIVERIES.ID, UUID.randomUUID()).set(WEBHOOK_DELIVERIES.CONVERSATION_ID, conversation)
                .set(WEBHOOK_DELIVERIES.URL, "https://hooks.example.com/x").set(WEBHOOK_DELIVERIES.STATUS, "DELIVERED")
                .execute();
    }

    private void indexCorrection(TenantId tenant, UUID correction) {
        float[] vector = new float[384];
        vector[1] = 1f;
        index.index(tenant, List.of(new IndexedChunk(tenant, correction, 1, UUID.randomUUID(), IndexedChunk.CORRECTION,
                Visibility.PUBLIC, "Verified answer: a question", List.of(), "A question\n\nAn answer", vector, null)));
        index.refresh();
    }

    /** Rows of the workspace in every table that has a tenant_id column, by table (tables without any left out). */
    private Map<String, Integer> rowsPerTable(TenantId tenant) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String table : tenantTables()) {
            int n = dsl.fetchOne("select count(*) from " + table + " where tenant_id = ?", tenant.value())
                    .get(0, Integer.class);
            if (n > 0) {
                rows.put(table, n);
            }
        }
        return rows;
    }

    private List<String> tenantTables() {
        return dsl.fetch("""
                select quote_ident(c.table_schema) || '.' || quote_ident(c.table_name)
                  from information_schema.columns c
                  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                 where c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
                   and c.table_schema not in ('pg_catalog', 'information_schema')
                 order by 1
                """).into(String.class);
    }

    /** Tables of the workspace with a row whose text contains the needle (any column, as text). */
    private List<String> rowsMentioning(TenantId tenant, String needle) {
        List<String> found = new ArrayList<>();
        for (String table : tenantTables()) {
            boolean any = dsl.fetchExists(DSL.selectOne().from(DSL.table(table + " r"))
                    .where(DSL.condition("r.tenant_id = ?", tenant.value()))
                    .and(DSL.condition("lower(r::text) like ?", "%" + needle.toLowerCase() + "%")));
            if (any) {
                found.add(table);
            }
        }
        return found;
    }
}
