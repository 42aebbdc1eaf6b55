package com.frontline.evaluation;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatService;
import com.frontline.corrections.CorrectionEvents;
import com.frontline.knowledge.DocumentStatus;
import com.frontline.knowledge.KnowledgeService;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.Visibility;
import com.frontline.shared.Actor;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Role;
import com.frontline.shared.UserFacingException;
import com.frontline.tenants.TeamService;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The evaluation set end to end on the real stack: approved corrections become cases, CSV uploads add cases or are
 * refused whole, and a run asks every case through the assistant in the background and scores it.
 */
@IntegrationTest
class EvaluationFlowTest {

    static final String RETURNS = """
            # Returns
            You can return any item within 30 days of delivery for a full refund. Items must be unused and in their
            original packaging.
            ## Refund timing
            Refunds are paid to the original payment method within 5 business days after we receive the item.
            # Shipping
            Standard shipping takes 3 to 5 business days. Express shipping arrives the next business day.
            """;

    static final String CASES = """
            question,expected_answer,expected_source
            How many days do I have to return an item?,You can return any item within 30 days.,Returns policy
            How long do refunds take?,Refunds are paid within 5 business days after we receive the item.,Returns policy
            "<script>alert('x')</script> Do you sell gift cards?",We do not sell gift cards.,
            """;

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired TeamService team;
    @Autowired KnowledgeService knowledge;
    @Autowired KnowledgeIndex index;
    @Autowired EvaluationService evaluation;
    @Autowired EvaluationRepository repository;
    @Autowired EvaluationJobs.Scheduling scheduling;
    @Autowired ChatService chat;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;

    TestAccounts.Account alice;
    Workspace workspace;
    CurrentTenant tenant;

    @BeforeEach
    void workspace() throws Exception {
        alice = accounts.signedIn(mvc, "alice");
        workspace = accounts.workspace(alice, "Evaluated Co");
        tenant = accounts.asMember(alice, workspace);
    }

    private void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    private String base() {
        return "/w/" + workspace.slug() + "/evaluation";
    }

    private MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "cases.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private MockHttpSession member(Role role) throws Exception {
        var user = accounts.user(role.name().toLowerCase());
        var created = team.invite(tenant, user.email(), role, "http://x");
        team.accept(created.link().substring(created.link().lastIndexOf('/') + 1), new Actor(user.id(), user.email()));
        return accounts.login(mvc, user.email());
    }

    @Test
    void anApprovedCorrectionBecomesACaseKeptAtItsNewestVersionAndRetiredWithIt() {
        UUID correction = UUID.randomUUID();
        publish(new CorrectionEvents.CorrectionApproved(tenant.id(), correction, 1, "Can I pay by invoice?",
                "Yes, for orders above 500 euros.", null));
        await(() -> evaluation.cases(tenant.id()).size() == 1);
        EvaluationCase first = evaluation.cases(tenant.id()).getFirst();
        assertThat(first.origin()).isEqualTo(CaseOrigin.CORRECTION);
        assertThat(first.correctionId()).isEqualTo(correction);

        publish(new CorrectionEvents.CorrectionApproved(tenant.id(), correction, 2, "Can I pay by invoice?",
                "Yes, for orders above 300 euros.", "https://example.com/pay"));
        await(() -> Integer.valueOf(2).equals(evaluation.cases(tenant.id()).getFirst().correctionVersion()));
        // a replayed older version changes nothing; a replayed same version adds no second case
        evaluation.correctionApproved(tenant.id(), correction, 1, "Old?", "Old.", null);
        evaluation.correctionApproved(tenant.id(), correction, 2, "Can I pay by invoice?",
                "Yes, for orders above 300 euros.", "https://example.com/pay");
        assertThat(evaluation.cases(tenant.id())).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(first.id());
            assertThat(c.expectedAnswer()).isEqualTo("Yes, for orders above 300 euros.");
            assertThat(c.expectedSource()).isEqualTo("https://example.com/pay");
        });

        publish(new CorrectionEvents.CorrectionRetired(tenant.id(), correction));
        await(() -> evaluation.cases(tenant.id()).getFirst().retired());
        assertThatThrownBy(() -> evaluation.start(tenant)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> evaluation.deleteCase(tenant, first.id())).isInstanceOf(UserFacingException.class);
    }

    @Test
    void anUploadAddsEveryRowOrNothingAndShowsMarkupAsText() throws Exception {
        mvc.perform(multipart(base() + "/cases").file(csv("question,expected_answer\nGood?,Yes.\n,No question\n"))
                        .session(alice.session()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("The question is empty.")))
                .andExpect(content().string(containsString("Nothing was added")));
        mvc.perform(multipart(base() + "/cases").file(csv("q,a\nGood?,Yes.\n"))
                        .session(alice.session()).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("first row must be the header")));
        assertThat(evaluation.cases(tenant.id())).isEmpty();

        mvc.perform(multipart(base() + "/cases").file(csv(CASES)).session(alice.session()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(evaluation.cases(tenant.id())).extracting(EvaluationCase::origin).containsOnly(CaseOrigin.UPLOAD)
                .hasSize(3);
        mvc.perform(get(base()).session(alice.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert("))));

        UUID gone = evaluation.cases(tenant.id()).getLast().id();
        mvc.perform(post(base() + "/cases/" + gone + "/delete").session(alice.session()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(evaluation.cases(tenant.id())).hasSize(2);
    }

    @Test
    void viewersCannotSeeTheSetAndAgentsCannotUploadOrRun() throws Exception {
        MockHttpSession agent = member(Role.AGENT);
        MockHttpSession viewer = member(Role.VIEWER);

        mvc.perform(get(base()).session(agent)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-testid=\"run-evaluation\""))));
        mvc.perform(get(base()).session(viewer)).andExpect(status().isForbidden());
        mvc.perform(multipart(base() + "/cases").file(csv(CASES)).session(agent).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base() + "/runs").session(agent).with(csrf())).andExpect(status().isForbidden());
        assertThat(evaluation.cases(tenant.id())).isEmpty();
    }

    @Test
    void aRunAsksEveryCaseThroughTheAssistantAndScoresIt() throws Exception {
        UUID doc = knowledge.addText(tenant, "Returns policy", RETURNS, Visibility.PUBLIC).documentId();
        await(() -> knowledge.document(tenant.id(), doc).document().latestStatus() == DocumentStatus.INDEXED);
        index.refresh();
        evaluation.upload(tenant, "cases.csv", CASES.getBytes(StandardCharsets.UTF_8));

        mvc.perform(post(base() + "/runs").session(alice.session()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        EvaluationRun started = evaluation.runs(tenant.id()).getFirst();
        assertThatThrownBy(() -> evaluation.start(tenant)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("already in progress");

        await(() -> evaluation.run(tenant.id(), started.id()).status() == RunStatus.DONE);
        EvaluationRun run = evaluation.run(tenant.id(), started.id());
        assertThat(run.percent()).isEqualTo(100);
        assertThat(run.done()).isEqualTo(run.total()).isEqualTo(3);
        List<RunResult> results = evaluation.results(tenant.id(), run.id());
        assertThat(results).noneMatch(RunResult::pending);
        RunResult returns = results.getFirst();
        assertThat(returns.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(returns.answer()).contains("30 days");
        assertThat(returns.citationHit()).isTrue();
        assertThat(returns.tokenF1()).isGreaterThan(0.2);
        assertThat(results.getLast().outcome()).isNotEqualTo(Outcome.ANSWERED); // gift cards: not in the knowledge
        assertThat(run.answerRate()).isEqualTo(2 / 3.0);
        assertThat(run.citationHitRate()).isEqualTo(1.0);
        assertThat(run.meanTokenF1()).isGreaterThan(0.3);
        assertThat(run.verifiedFired()).isZero();
        assertThat(run.provider()).isNotBlank();
        // asked in conversations of their own channel, not as customers
        assertThat(chat.conversation(tenant.id(), returns.conversationId()).channel()).isEqualTo(Channel.EVALUATION);

        // the polled progress of a finished run reloads the page; the page shows the totals
        mvc.perform(get(base() + "/runs/" + run.id()).session(alice.session()).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Refresh", "true"))
                .andExpect(content().string(containsString("3 of 3 cases asked · 100 %")));
        mvc.perform(get(base() + "/runs/" + run.id()).session(alice.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"total-answer-rate\">67 %")));

        EvaluationRun second = evaluation.start(tenant);
        await(() -> evaluation.run(tenant.id(), second.id()).status() == RunStatus.DONE);
        RunComparison comparison = evaluation.compare(tenant.id(), run.id(), second.id());
        assertThat(comparison.rows()).hasSize(3);
        mvc.perform(get(base() + "/compare").param("a", run.id().toString()).param("b", second.id().toString())
                        .param("changed", "true").session(alice.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Run 1 and Run 2")));
        mvc.perform(get(base()).session(alice.session()))
                .andExpect(content().string(containsString("data-testid=\"runs-chart\"")));
    }

    @Test
    void aRunLeftRunningByARestartResumesWithTheCasesNotYetAsked() {
        evaluation.upload(tenant, "cases.csv", ("question,expected_answer\n"
                + "Do you sell gift cards?,No.\nWhere are you based?,Berlin.\n").getBytes(StandardCharsets.UTF_8));
        // a run as a crash leaves it: marked running, one case answered, no task scheduled
        UUID runId = UUID.randomUUID();
        List<EvaluationCase> cases = evaluation.cases(tenant.id());
        tx.executeWithoutResult(s -> {
            repository.insertRun(tenant.id(), runId, null, null, cases);
            assertThat(repository.saveResult(tenant.id(), runId, 1, new EvaluationRepository.Scored(Outcome.FALLBACK,
                    "I am not sure.", List.of(), null, null, false, 0.1, "offline", null, 5, null))).isTrue();
            // written once only: a resumed run never counts a case twice
            assertThat(repository.saveResult(tenant.id(), runId, 1, new EvaluationRepository.Scored(Outcome.ANSWERED,
                    "x", List.of(), null, null, false, 0.1, "offline", null, 5, null))).isFalse();
        });
        assertThat(evaluation.run(tenant.id(), runId).done()).isEqualTo(1);

        scheduling.resumeInterruptedRuns();

        await(() -> evaluation.run(tenant.id(), runId).status() == RunStatus.DONE);
        EvaluationRun run = evaluation.run(tenant.id(), runId);
        assertThat(run.done()).isEqualTo(2);
        assertThat(evaluation.results(tenant.id(), runId).getFirst().answer()).isEqualTo("I am not sure.");
        // executing a finished run again changes nothing
        evaluation.execute(tenant.id(), runId);
        assertThat(evaluation.run(tenant.id(), runId)).isEqualTo(run);
    }
}
