package com.frontline.evaluation;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.shared.TenantId;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Workspace B reuses workspace A's case, correction and run ids: it reads, changes and deletes none of A's rows. */
@IntegrationTest
class EvaluationRepositoryIsolationTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired EvaluationRepository repository;
    @Autowired TransactionTemplate tx;

    TestAccounts.Account alice;
    TestAccounts.Account bob;
    Workspace wa;
    Workspace wb;
    TenantId a;
    TenantId b;

    @BeforeEach
    void twoWorkspaces() throws Exception {
        alice = accounts.signedIn(mvc, "alice");
        bob = accounts.signedIn(mvc, "bob");
        wa = accounts.workspace(alice, "A Corp");
        wb = accounts.workspace(bob, "B Corp");
        a = wa.id();
        b = wb.id();
    }

    @Test
    void casesRunsAndResultsStayInTheirWorkspace() throws Exception {
        UUID correction = UUID.randomUUID();
        UUID runId = UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            repository.insertUploaded(a, List.of(new CaseCsv.NewCase(2, "A's question?", "A's answer.", null)));
            repository.upsertCorrection(a, correction, 1, "A's corrected question?", "A's approved answer.", null);
            repository.insertRun(a, runId, null, "alice", repository.activeCases(a));
        });
        List<EvaluationCase> casesOfA = repository.cases(a);
        UUID uploaded = casesOfA.stream().filter(c -> c.origin() == CaseOrigin.UPLOAD).findFirst().orElseThrow().id();

        assertThat(repository.cases(b)).isEmpty();
        assertThat(repository.activeCases(b)).isEmpty();
        assertThat(repository.findCase(b, uploaded)).isEmpty();
        assertThat(repository.runs(b, 10)).isEmpty();
        assertThat(repository.findRun(b, runId)).isEmpty();
        assertThat(repository.results(b, runId)).isEmpty();
        assertThat(repository.running(b)).isEmpty();

        tx.executeWithoutResult(s -> {
            assertThat(repository.deleteUploaded(b, uploaded)).isFalse();
            repository.retireCorrection(b, correction);
            // B approving a correction with A's id makes a case of B's own; A's stays as it was
            repository.upsertCorrection(b, correction, 5, "B's question?", "B's answer.", null);
            assertThat(repository.saveResult(b, runId, 1, new EvaluationRepository.Scored(Outcome.ANSWERED, "B",
                    List.of(), null, null, false, null, null, null, 1, null))).isFalse();
            repository.finish(b, runId, new EvaluationRepository.Totals(1.0, 1.0, 1.0, 0, 0, null, null));
            repository.fail(b, runId, "B");
        });

        assertThat(repository.cases(a)).isEqualTo(casesOfA);
        assertThat(repository.cases(b)).singleElement()
                .satisfies(c -> assertThat(c.question()).isEqualTo("B's question?"));
        EvaluationRun run = repository.findRun(a, runId).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.done()).isZero();
        assertThat(repository.results(a, runId)).hasSize(2).allMatch(RunResult::pending);
        // B's first run is B's run 1, whatever A has
        UUID runOfB = UUID.randomUUID();
        tx.executeWithoutResult(s -> repository.insertRun(b, runOfB, null, "bob", repository.activeCases(b)));
        assertThat(repository.findRun(b, runOfB).orElseThrow().number()).isEqualTo(1);

        String other = "/w/" + wb.slug() + "/evaluation";
        mvc.perform(get(other + "/runs/" + runId).session(bob.session())).andExpect(status().isNotFound());
        mvc.perform(get(other + "/compare").param("a", runId.toString()).param("b", runOfB.toString())
                .session(bob.session())).andExpect(status().isNotFound());
        mvc.perform(post(other + "/cases/" + uploaded + "/delete").session(bob.session()).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(repository.findCase(a, uploaded)).isPresent();
    }
}
