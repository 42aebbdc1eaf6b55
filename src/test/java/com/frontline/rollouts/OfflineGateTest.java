package com.frontline.rollouts;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.assistants.AssistantVersions;
import com.frontline.audit.AuditEntry;
import com.frontline.audit.AuditLog;
import com.frontline.chat.ChatService;
import com.frontline.evaluation.EvaluationRun;
import com.frontline.evaluation.EvaluationService;
import com.frontline.knowledge.DocumentStatus;
import com.frontline.knowledge.KnowledgeService;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.Visibility;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rollout's offline gate on the real evaluation runs: the workspace's set is asked of the candidate and of the live
 * version (each run recording the version it asked); a candidate that answers less is blocked until an admin
 * overrides with a reason, which is audited; a candidate as good as live starts at its first step.
 */
@IntegrationTest
class OfflineGateTest {

    static final String RETURNS = """
            # Returns
            You can return any item within 30 days of delivery for a full refund. Items must be unused and in their
            original packaging.
            ## Refund timing
            Refunds are paid to the original payment method within 5 business days after we receive the item.
            """;

    static final String CASES = """
            question,expected_answer
            How many days do I have to return an item?,You can return any item within 30 days.
            How long do refunds take?,Refunds are paid within 5 business days after we receive the item.
            """;

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired AssistantVersions versions;
    @Autowired ChatService chat;
    @Autowired KnowledgeService knowledge;
    @Autowired KnowledgeIndex index;
    @Autowired EvaluationService evaluation;
    @Autowired Rollouts rollouts;
    @Autowired AuditLog audit;

    CurrentTenant admin;

    @BeforeEach
    void aWorkspaceWithKnowledgeAndAnEvaluationSet() throws Exception {
        TestAccounts.Account alice = accounts.signedIn(mvc, "alice");
        admin = accounts.asMember(alice, accounts.workspace(alice, "Gated Co"));
        UUID doc = knowledge.addText(admin, "Returns policy", RETURNS, Visibility.PUBLIC).documentId();
        await(() -> knowledge.document(admin.id(), doc).document().latestStatus() == DocumentStatus.INDEXED);
        index.refresh();
        evaluation.upload(admin, "cases.csv", CASES.getBytes(StandardCharsets.UTF_8));
        versions.liveVersion(admin.id());
    }

    private Experiment rolloutOf(int candidate) {
        return rollouts.create(admin, new ExperimentForm("Gated", ExperimentKind.ROLLOUT, candidate, List.of(),
                List.of("20", "100"), null, null, null, null, true));
    }

    @Test
    void aCandidateThatAnswersLessIsBlockedUntilAnAdminOverridesWithAReason() {
        // version 2 is unsure of everything: every answer falls back
        chat.updateSettings(admin, "99", false, null);
        versions.publish(admin, "Unsure of everything");
        Experiment e = rolloutOf(2);

        await(() -> rollouts.get(admin.id(), e.id()).status() == ExperimentStatus.BLOCKED);
        Experiment blocked = rollouts.get(admin.id(), e.id());
        GateResult gate = blocked.gate();
        assertThat(gate.passed()).isFalse();
        assertThat(gate.candidateScore()).isZero();
        assertThat(gate.baselineScore()).isPositive();
        assertThat(gate.summary()).startsWith("Offline gate on 2 cases, scored by mean token F1 over all cases (an "
                + "unanswered case scores 0): candidate v2 0.000 (answered 0 %").contains("against live v1")
                .endsWith("Below live: the rollout is blocked; an admin may override with a reason.");
        EvaluationRun candidateRun = evaluation.run(admin.id(), gate.candidateRunId());
        EvaluationRun liveRun = evaluation.run(admin.id(), gate.baselineRunId());
        assertThat(candidateRun.assistantVersion()).isEqualTo(2);
        assertThat(liveRun.assistantVersion()).isEqualTo(1);
        assertThat(candidateRun.startedBy()).isEqualTo("Rollout 1: offline gate, candidate v2");
        assertThat(rollouts.splitInForce(admin.id())).isEqualTo("v1 100 %");
        assertThat(versions.versionFor(admin.id(), "visitor-1")).isEqualTo(1);
        assertThat(rollouts.decision(admin.id(), e.id()).words()).startsWith("Offline gate on 2 cases");

        assertThatThrownBy(() -> rollouts.override(admin, e.id(), "  ", blocked.lockVersion()))
                .isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.errors())
                        .containsOnlyKeys("reason"));
        Experiment running = rollouts.override(admin, e.id(), "The new threshold is what legal asked for",
                blocked.lockVersion());
        assertThat(running.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(running.overrideReason()).isEqualTo("The new threshold is what legal asked for");
        assertThat(running.gate()).isEqualTo(gate);
        assertThat(rollouts.splitInForce(admin.id())).isEqualTo("v1 80 % · v2 20 %");
        assertThat(rollouts.history(admin.id(), 10)).extracting(DeploymentEvent::action)
                .containsExactly("overridden", "gate_blocked", "created");
        assertThat(rollouts.history(admin.id(), 1).getFirst().actor()).isEqualTo(admin.userEmail());
        assertThat(audit.recent(admin.id(), null, "rollouts.")).extracting(AuditEntry::action)
                .containsExactly("rollouts.overridden", "rollouts.created");
        assertThatThrownBy(() -> rollouts.override(admin, e.id(), "Again", running.lockVersion()))
                .isInstanceOf(RolloutConflictException.class)
                .hasMessage("Only a rollout its offline gate blocked can be overridden; this one is running.");
    }

    @Test
    void aCandidateAsGoodAsLiveStartsAtItsFirstStep() {
        chat.updateSettings(admin, "49", false, null);
        versions.publish(admin, "A hair lower");
        Experiment e = rolloutOf(2);

        await(() -> rollouts.get(admin.id(), e.id()).status() == ExperimentStatus.RUNNING);
        GateResult gate = rollouts.get(admin.id(), e.id()).gate();
        assertThat(gate.passed()).isTrue();
        assertThat(gate.candidateScore()).isEqualTo(gate.baselineScore()).isPositive();
        assertThat(gate.summary()).endsWith("At least as good as live: the rollout starts at 20 %.");
        assertThat(rollouts.splitInForce(admin.id())).isEqualTo("v1 80 % · v2 20 %");
    }
}
