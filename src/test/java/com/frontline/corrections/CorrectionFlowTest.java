package com.frontline.corrections;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.Author;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatEvents;
import com.frontline.chat.ChatMessage;
import com.frontline.chat.ChatService;
import com.frontline.chat.Conversation;
import com.frontline.search.Audience;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.KnowledgeSearch;
import com.frontline.search.Passage;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Role;
import com.frontline.tenants.TeamService;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Objects;
import java.util.UUID;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Corrections end to end on the real stack: an agent writes one from an assistant's answer, an admin approves it,
 * and the same question and a rewording get the verified answer at once while an unrelated one does not; roles,
 * bad input, optimistic locking, handoff proposals and the training export.
 */
@IntegrationTest
class CorrectionFlowTest {

    static final String QUESTION = "How do I return a gift I received?";
    static final String ANSWER = "Gifts can be returned within 60 days with the gift receipt. "
            + "<script>alert(1)</script>";

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired TeamService team;
    @Autowired ChatService chat;
    @Autowired CorrectionService corrections;
    @Autowired JsonMapper json;
    @Autowired KnowledgeSearch search;
    @Autowired KnowledgeIndex index;

    TestAccounts.Account owner;
    Workspace workspace;
    CurrentTenant admin;
    MockHttpSession agent;
    MockHttpSession viewer;
    String base;

    @BeforeEach
    void workspace() throws Exception {
        owner = accounts.signedIn(mvc, "owner");
        workspace = accounts.workspace(owner, "Gifts Co");
        admin = accounts.asMember(owner, workspace);
        agent = member(Role.AGENT);
        viewer = member(Role.VIEWER);
        base = "/w/" + workspace.slug() + "/corrections";
    }

    private MockHttpSession member(Role role) throws Exception {
        var user = accounts.user(role.name().toLowerCase());
        var created = team.invite(admin, user.email(), role, "http://x");
        team.accept(created.link().substring(created.link().lastIndexOf('/') + 1), new Actor(user.id(), user.email()));
        return accounts.login(mvc, user.email());
    }

    private ChatMessage ask(CurrentTenant tenant, String question) {
        Conversation c = chat.start(tenant.id(), Channel.PLAYGROUND, "user:" + UUID.randomUUID());
        return chat.askAndWait(tenant.id(), c.id(), question).replies().stream()
                .filter(m -> m.author() == Author.ASSISTANT).findFirst().orElseThrow();
    }

    private UUID created(MvcResult result) {
        String location = Objects.requireNonNull(result.getResponse().getRedirectedUrl());
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void anApprovedCorrectionAnswersTheQuestionAndARewordingAtOnceButNotAnUnrelatedOne() throws Exception {
        ChatMessage wrong = ask(admin, QUESTION);
        assertThat(wrong.verified()).isFalse();

        mvc.perform(get(base + "/new").param("answer", wrong.id().toString()).session(agent))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(QUESTION)))
                .andExpect(content().string(containsString("What the assistant said")));
        MvcResult saved = mvc.perform(post(base).session(agent).with(csrf())
                        .param("answerMessageId", wrong.id().toString())
                        .param("question", QUESTION).param("answer", ANSWER).param("sourceUrl", "")
                        .param("category", "Returns"))
                .andExpect(status().is3xxRedirection()).andReturn();
        UUID id = created(saved);
        Correction pending = corrections.get(workspace.id(), id);
        assertThat(pending.status()).isEqualTo(CorrectionStatus.PENDING);
        assertThat(pending.answerMessageId()).isEqualTo(wrong.id());
        assertThat(pending.answer()).isEqualTo(ANSWER);

        // the queue shows it, HTML as text; a Viewer may not even read it
        mvc.perform(get(base).session(agent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        mvc.perform(get(base).session(viewer)).andExpect(status().isForbidden());

        // only Admins approve, checked on the server
        mvc.perform(post(base + "/" + id + "/approve").session(agent).with(csrf()).param("version", "1")
                .param("score", "5")).andExpect(status().isForbidden());
        mvc.perform(post(base + "/" + id + "/approve").session(viewer).with(csrf()).param("version", "1")
                .param("score", "5")).andExpect(status().isForbidden());
        assertThatThrownBy(() -> corrections.approve(asRole(Role.AGENT), id, 1, "5", null))
                .isInstanceOf(com.frontline.shared.ForbiddenException.class);
        assertThat(corrections.get(workspace.id(), id).status()).isEqualTo(CorrectionStatus.PENDING);

        // a score is needed; then two admins approve from the same form: the second is told who was first
        mvc.perform(post(base + "/" + id + "/approve").session(owner.session()).with(csrf()).param("version", "1"))
                .andExpect(flash().attribute("problem", containsString("quality score from 1 to 5")));
        mvc.perform(post(base + "/" + id + "/approve").session(owner.session()).with(csrf()).param("version", "1")
                        .param("score", "5").param("comment", "Right, <b>thanks</b>").param("back", "pending"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("Approved")));
        mvc.perform(post(base + "/" + id + "/approve").session(owner.session()).with(csrf()).param("version", "1")
                        .param("score", "4"))
                .andExpect(flash().attribute("problem", containsString(owner.user().email()
                        + " approved this less than a minute ago; reload")));
        mvc.perform(post(base + "/" + id + "/approve").session(owner.session()).with(csrf()).param("version", "2")
                        .param("score", "4"))
                .andExpect(flash().attribute("problem", containsString("already approved")));
        Correction approved = corrections.get(workspace.id(), id);
        assertThat(approved.status()).isEqualTo(CorrectionStatus.APPROVED);
        assertThat(approved.qualityScore()).isEqualTo(5);

        // it is knowledge too: widget visitors' searches find it as a CORRECTION passage
        await(() -> indexed(id));
        Passage passage = search.search(workspace.id(), Audience.VISITORS, "gift receipt returns").stream()
                .filter(p -> p.documentId().equals(id)).findFirst().orElseThrow();
        assertThat(passage.title()).isEqualTo("Verified answer: " + QUESTION);
        assertThat(passage.text()).contains(ANSWER);
        // an index that lost it gets it back from a knowledge rebuild
        index.deleteDocument(workspace.id(), id);
        index.refresh();
        assertThat(indexed(id)).isFalse();
        mvc.perform(post("/w/" + workspace.slug() + "/knowledge/rebuild").session(owner.session()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        await(() -> {
            index.refresh();
            return indexed(id);
        });

        // from now on: the same question, a rewording, and not an unrelated question
        ChatMessage same = ask(admin, QUESTION);
        assertThat(same.verified()).isTrue();
        assertThat(same.verifiedCorrectionId()).isEqualTo(id);
        assertThat(same.text()).isEqualTo(ANSWER);
        ChatMessage reworded = ask(admin, "How can I return a gift that I received?");
        assertThat(reworded.verified()).isTrue();
        assertThat(reworded.text()).isEqualTo(ANSWER);
        assertThat(ask(admin, "Do you sell seashells?").verified()).isFalse();
        assertThat(ask(admin, "How long does delivery take?").verified()).isFalse();
        assertThat(corrections.get(workspace.id(), id).hitCount()).isEqualTo(2);

        // the training export: counts first, then the one example in exactly one split
        mvc.perform(get(base + "/export").session(owner.session())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Training export")));
        mvc.perform(get(base + "/export.jsonl").param("split", "train").session(agent))
                .andExpect(status().isForbidden());
        mvc.perform(get(base + "/export.jsonl").param("split", "everything").session(owner.session()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("split=train or split=validation")));
        String train = download("train");
        String validation = download("validation");
        String lines = train + validation;
        assertThat(lines.lines()).hasSize(1);
        assertThat(TrainingSplit.of(id) == TrainingSplit.TRAIN ? train : validation).isEqualTo(lines);
        JsonNode example = json.readTree(lines.strip());
        assertThat(example.get("messages")).hasSize(3);
        assertThat(example.get("messages").get(0).get("role").asString()).isEqualTo("system");
        assertThat(example.get("messages").get(0).get("content").asString()).contains("Gifts Co Assistant");
        assertThat(example.get("messages").get(1).get("content").asString()).isEqualTo(QUESTION);
        assertThat(example.get("messages").get(2).get("content").asString()).isEqualTo(ANSWER);

        // retired: no longer a verified answer
        mvc.perform(post(base + "/" + id + "/retire").session(owner.session()).with(csrf())
                .param("version", Integer.toString(corrections.get(workspace.id(), id).version())))
                .andExpect(flash().attribute("notice", containsString("Retired")));
        assertThat(ask(admin, QUESTION).verified()).isFalse();
        await(() -> !indexed(id));
    }

    private boolean indexed(UUID correctionId) {
        return search.search(workspace.id(), Audience.VISITORS, "gift receipt returns").stream()
                .anyMatch(p -> p.documentId().equals(correctionId) && p.sourceType().equals("CORRECTION"));
    }

    private String download(String split) throws Exception {
        MvcResult started = mvc.perform(get(base + "/export.jsonl").param("split", split).session(owner.session()))
                .andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private CurrentTenant asRole(Role role) {
        return new CurrentTenant(admin.id(), admin.slug(), admin.name(), role, admin.userId(), admin.userEmail());
    }

    @Test
    void badInputIsRefusedWithAMessageNextToTheField() throws Exception {
        mvc.perform(post(base).session(agent).with(csrf()).param("question", "").param("answer", " "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Write the question customers ask.")))
                .andExpect(content().string(containsString("Write the right answer.")));
        mvc.perform(post(base).session(agent).with(csrf()).param("question", "Refunds?")
                        .param("answer", "x".repeat(5001)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Keep it to 5000 characters; this is 5001.")));
        mvc.perform(post(base).session(agent).with(csrf()).param("question", "Refunds?").param("answer", "Yes.")
                        .param("sourceUrl", "javascript:alert(1)"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("starting with http:// or https://")));
        assertThat(corrections.queue(workspace.id(), CorrectionStatus.PENDING).items()).isEmpty();

        // another workspace's answer is not found, and neither is its correction
        var other = accounts.signedIn(mvc, "other");
        CurrentTenant elsewhere = accounts.asMember(other, accounts.workspace(other, "Elsewhere"));
        ChatMessage theirs = ask(elsewhere, "Where is my parcel?");
        mvc.perform(get(base + "/new").param("answer", theirs.id().toString()).session(agent))
                .andExpect(status().isNotFound());
        mvc.perform(get(base + "/new").param("answer", "not-an-id<script>").session(agent))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("<script>"))));
        mvc.perform(post(base).session(agent).with(csrf()).param("answerMessageId", theirs.id().toString())
                .param("question", "Where is my parcel?").param("answer", "Here.")).andExpect(status().isNotFound());
        Correction theirCorrection = corrections.create(elsewhere, new CorrectionForm("Q?", "A.", null, null), null);
        mvc.perform(get(base + "/" + theirCorrection.id()).session(agent)).andExpect(status().isNotFound());
        mvc.perform(post(base + "/" + theirCorrection.id() + "/approve").session(owner.session()).with(csrf())
                .param("version", "1").param("score", "5")).andExpect(status().isNotFound());

        // the threshold stays within its bounds
        mvc.perform(post("/w/" + workspace.slug() + "/settings/corrections").session(owner.session()).with(csrf())
                        .param("threshold", "0.5"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Enter a similarity from 0.70 to 0.99.")));
        mvc.perform(post("/w/" + workspace.slug() + "/settings/corrections").session(agent).with(csrf())
                .param("threshold", "0.9")).andExpect(status().isForbidden());
        mvc.perform(get("/w/" + workspace.slug() + "/settings/corrections").session(owner.session()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("0.79")));
    }

    @Test
    void anEditKeepsTheOldTextAndAStaleFormIsRefused() throws Exception {
        Correction c = corrections.create(admin, new CorrectionForm("Can I pay by invoice?", "No.", null, null), null);

        mvc.perform(post(base + "/" + c.id() + "/edit").session(owner.session()).with(csrf()).param("version", "1")
                        .param("question", "Can I pay by invoice?").param("answer", "Yes, on the annual plan."))
                .andExpect(flash().attribute("notice", containsString("version 2")));
        mvc.perform(post(base + "/" + c.id() + "/edit").session(owner.session()).with(csrf()).param("version", "1")
                        .param("question", "Can I pay by invoice?").param("answer", "Overwritten?"))
                .andExpect(flash().attribute("problem", containsString("edited this less than a minute ago")));
        assertThat(corrections.get(workspace.id(), c.id()).answer()).isEqualTo("Yes, on the annual plan.");
        assertThat(corrections.history(workspace.id(), c.id())).extracting(CorrectionVersion::answer)
                .containsExactly("Yes, on the annual plan.", "No.");
        mvc.perform(get(base + "/" + c.id()).session(agent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Version 1")));

        corrections.reject(admin, c.id(), 2, null, "We do not want this one");
        assertThatThrownBy(() -> corrections.approve(admin, c.id(), 3, "5", null))
                .isInstanceOf(CorrectionConflictException.class).hasMessageContaining("was rejected");
    }

    @Test
    void aResolvedHandoffBecomesAProposalAndTheSameQuestionAgainIsMergedIntoIt() {
        Conversation c = chat.start(workspace.id(), Channel.WIDGET, "visitor-" + UUID.randomUUID());
        chat.ask(workspace.id(), c.id(), "I want to talk to a human please");
        chat.ask(workspace.id(), c.id(), "Can I change the engraving on my order?");
        chat.agentReply(admin, c.id(), "Yes, within an hour of ordering: reply to your confirmation email.");
        chat.resolve(admin, c.id());

        await(() -> !corrections.queue(workspace.id(), CorrectionStatus.PENDING).items().isEmpty());
        Correction proposal = corrections.queue(workspace.id(), CorrectionStatus.PENDING).items().getFirst();
        assertThat(proposal.origin()).isEqualTo(CorrectionOrigin.HANDOFF);
        assertThat(proposal.conversationId()).isEqualTo(c.id());
        assertThat(proposal.question()).isEqualTo("Can I change the engraving on my order?");
        assertThat(proposal.answer()).startsWith("Yes, within an hour of ordering");

        // the same question from another conversation: merged; delivered twice: counted once
        var again = new ChatEvents.ConversationResolved(workspace.id(), UUID.randomUUID(), admin.userId(), "Sam",
                proposal.question(), "Yes, within an hour of ordering.");
        assertThat(corrections.proposeFromHandoff(again)).contains(proposal.id());
        assertThat(corrections.proposeFromHandoff(again)).isEmpty();
        assertThat(corrections.get(workspace.id(), proposal.id()).alsoAsked()).isEqualTo(1);

        var different = new ChatEvents.ConversationResolved(workspace.id(), UUID.randomUUID(), admin.userId(), "Sam",
                "Do you ship to Canada?", "Yes, in 5 to 8 days.");
        assertThat(corrections.proposeFromHandoff(different)).isPresent().get().isNotEqualTo(proposal.id());
        assertThat(corrections.queue(workspace.id(), CorrectionStatus.PENDING).items()).hasSize(2);
        var unanswered = new ChatEvents.ConversationResolved(workspace.id(), UUID.randomUUID(), admin.userId(), "Sam",
                "Anything?", null);
        assertThat(corrections.proposeFromHandoff(unanswered)).isEmpty();
    }
}
