package com.frontline.rollouts;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.assistants.AssistantVersions;
import com.frontline.chat.ChatService;
import com.frontline.rollouts.ExperimentForm.ArmForm;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two workspaces whose versions share numbers (both have 1 and 2; only B has 3), each running an experiment: nothing
 * one does reaches the other's experiments, history, traffic, split or visitors, and an experiment on another
 * workspace's version is refused by the form and by the database.
 */
@IntegrationTest
class RolloutTenantIsolationTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired AssistantVersions versions;
    @Autowired ChatService chat;
    @Autowired Rollouts rollouts;
    @Autowired RolloutGuard guard;
    @Autowired ExperimentRepository repository;
    @Autowired RolloutTestClock.Settable clock;
    @Autowired TransactionTemplate tx;
    @Autowired DSLContext dsl;

    CurrentTenant a;
    CurrentTenant b;
    Experiment aExperiment;
    Instant t0;

    @BeforeEach
    void twoWorkspacesWithTheSameVersionNumbers() throws Exception {
        TestAccounts.Account alice = accounts.signedIn(mvc, "alice");
        TestAccounts.Account bob = accounts.signedIn(mvc, "bob");
        a = accounts.asMember(alice, accounts.workspace(alice, "A Corp"));
        b = accounts.asMember(bob, accounts.workspace(bob, "B Corp"));
        for (CurrentTenant t : List.of(a, b)) {
            versions.liveVersion(t.id());
            chat.updateSettings(t, "45", false, null);
            versions.publish(t, "Two");
        }
        chat.updateSettings(b, "40", false, null);
        versions.publish(b, "Three");
        t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2));
        clock.set(t0);
        aExperiment = rollouts.create(a, new ExperimentForm("A's test", ExperimentKind.AB, null,
                List.of(new ArmForm(1, "50"), new ArmForm(2, "50")), List.of(), null, null, null, null, false));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aWorkspaceNeitherSeesNorMovesAnothersExperiment() {
        UUID id = aExperiment.id();
        long v = aExperiment.lockVersion();
        assertThatThrownBy(() -> rollouts.get(b.id(), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rollouts.metrics(b.id(), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rollouts.series(b.id(), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rollouts.decision(b.id(), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rollouts.stop(b, id, v)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rollouts.rollback(b, id, "", v)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rollouts.advance(b, id, v)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rollouts.override(b, id, "Because", v)).isInstanceOf(NotFoundException.class);
        assertThat(rollouts.list(b.id())).isEmpty();
        assertThat(rollouts.running(b.id())).isEmpty();
        assertThat(rollouts.history(b.id(), 50)).isEmpty();
        assertThat(repository.find(b.id(), id)).isEmpty();
        assertThat(repository.lock(b.id(), id)).isEmpty();

        // B runs its own experiment at the same time: one per workspace, not one in all
        Experiment bExperiment = rollouts.create(b, new ExperimentForm("B's test", ExperimentKind.AB, null,
                List.of(new ArmForm(1, "90"), new ArmForm(3, "10")), List.of(), null, null, null, null, false));
        assertThat(bExperiment.number()).isEqualTo(aExperiment.number());
        assertThat(rollouts.splitInForce(a.id())).isEqualTo("v1 50 % · v2 50 %");
        assertThat(rollouts.splitInForce(b.id())).isEqualTo("v1 90 % · v3 10 %");

        rollouts.stop(b, bExperiment.id(), bExperiment.lockVersion());
        assertThat(rollouts.get(a.id(), id).status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(rollouts.history(a.id(), 50)).extracting(DeploymentEvent::action).containsExactly("created");
        assertThat(rollouts.history(b.id(), 50)).extracting(DeploymentEvent::action)
                .containsExactly("stopped", "created");
        for (int i = 0; i < 500; i++) {
            assertThat(versions.versionFor(b.id(), "visitor-" + i)).isEqualTo(1);
        }
    }

    @Test
    void anExperimentOnAnotherWorkspacesVersionIsRefusedByTheFormAndTheDatabase() {
        rollouts.stop(a, aExperiment.id(), aExperiment.lockVersion());
        assertThatThrownBy(() -> rollouts.create(a, new ExperimentForm("B's version", ExperimentKind.ROLLOUT, 3,
                List.of(), List.of(), null, null, null, null, true)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsEntry("candidateVersion", "This workspace has no version 3."));
        assertThatThrownBy(() -> rollouts.create(a, new ExperimentForm("B's version", ExperimentKind.AB, null,
                List.of(new ArmForm(1, "50"), new ArmForm(3, "50")), List.of(), null, null, null, null, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsEntry("arms", "This workspace has no version 3."));

        // past the service, the arms' foreign key to the workspace's own versions refuses it too
        var sneaked = new ExperimentRepository.NewExperiment(UUID.randomUUID(), "Sneaked", ExperimentKind.AB,
                ExperimentStatus.RUNNING, 1, List.of(new ExperimentArm("baseline", 1, 5000),
                new ExperimentArm("b", 3, 5000)), List.of(), -1, GuardSettings.DEFAULTS, a.userEmail(), a.userId(),
                t0, t0);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> repository.insert(a.id(), 9, sneaked)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rollouts.list(a.id())).hasSize(1);
    }

    @Test
    void theGuardCountsOnlyTheWorkspacesOwnTraffic() {
        ArmTraffic traffic = new ArmTraffic(dsl);
        // B's version 2 is much worse than B's version 1: none of it may count against A's version 2
        traffic.answers(b.id(), 1, 2000, 2000, 1600, t0.plus(Duration.ofMinutes(5)));
        traffic.answers(b.id(), 2, 2000, 2000, 1000, t0.plus(Duration.ofMinutes(5)));
        traffic.answers(a.id(), 1, 300, 200, 160, t0.plus(Duration.ofMinutes(5)));
        traffic.answers(a.id(), 2, 300, 200, 160, t0.plus(Duration.ofMinutes(5)));
        clock.set(t0.plus(Duration.ofMinutes(10)));

        guard.look(a.id(), aExperiment.id());

        assertThat(rollouts.get(a.id(), aExperiment.id()).status()).isEqualTo(ExperimentStatus.RUNNING);
        List<ArmMetrics> metrics = rollouts.metrics(a.id(), aExperiment.id());
        assertThat(metrics).extracting(ArmMetrics::answers).containsExactly(300L, 300L, 300L, 300L);
        assertThat(metrics.get(1).helpful().value()).isEqualTo(0.8);
        assertThat(rollouts.series(a.id(), aExperiment.id())).allSatisfy(p ->
                assertThat(p.helpful().count()).isEqualTo(200));
    }

    @Test
    void removingAWorkspaceRemovesItsExperimentsAndLeavesTheOtherAlone() {
        Experiment bExperiment = rollouts.create(b, new ExperimentForm("B's test", ExperimentKind.AB, null,
                List.of(new ArmForm(1, "90"), new ArmForm(3, "10")), List.of(), null, null, null, null, false));
        rollouts.stop(a, aExperiment.id(), aExperiment.lockVersion());

        dsl.execute("delete from tenants.workspaces where id = ?", a.id().value());

        assertThat(dsl.fetchCount(dsl.selectFrom("rollouts.experiments").where("tenant_id = ?", a.id().value())))
                .isZero();
        assertThat(dsl.fetchCount(dsl.selectFrom("rollouts.arms").where("tenant_id = ?", a.id().value()))).isZero();
        assertThat(dsl.fetchCount(dsl.selectFrom("rollouts.deployment_events")
                .where("tenant_id = ?", a.id().value()))).isZero();
        assertThat(rollouts.get(b.id(), bExperiment.id()).status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(rollouts.history(b.id(), 10)).hasSize(1);
    }
}
