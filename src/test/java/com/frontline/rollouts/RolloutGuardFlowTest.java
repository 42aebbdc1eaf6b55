package com.frontline.rollouts;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.alerts.Alert;
import com.frontline.alerts.AlertKind;
import com.frontline.alerts.Alerts;
import com.frontline.assistants.AssistantVersions;
import com.frontline.audit.AuditEntry;
import com.frontline.audit.AuditLog;
import com.frontline.chat.ChatService;
import com.frontline.rollouts.ExperimentForm.ArmForm;
import com.frontline.shared.CurrentTenant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guard end to end on the real stack, with traffic seeded into the chat and llm tables at the times of a clock
 * the test drives: a worse candidate is rolled back (split, history with its numbers, audit, alert, and the widget's
 * visitors back on the baseline); an equal one never; a rollout advances by itself and completes to live; buttons
 * from a stale page are refused with what changed, and a rollback racing an advance is serialised.
 */
@IntegrationTest
class RolloutGuardFlowTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired AssistantVersions versions;
    @Autowired ChatService chat;
    @Autowired Rollouts rollouts;
    @Autowired RolloutGuard guard;
    @Autowired RolloutTestClock.Settable clock;
    @Autowired Alerts alerts;
    @Autowired AuditLog audit;
    @Autowired DSLContext dsl;

    ArmTraffic traffic;
    TestAccounts.Account alice;
    CurrentTenant admin;
    Instant t0;

    @BeforeEach
    void aWorkspaceWithALiveVersionAndACandidate() throws Exception {
        traffic = new ArmTraffic(dsl);
        alice = accounts.signedIn(mvc, "alice");
        admin = accounts.asMember(alice, accounts.workspace(alice, "Guarded Co"));
        assertThat(versions.liveVersion(admin.id())).isEqualTo(1);
        chat.updateSettings(admin, "45", false, null);
        versions.publish(admin, "A lower threshold");
        t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
        clock.set(t0);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private Experiment rollout(boolean autoAdvance) {
        Experiment created = rollouts.create(admin, new ExperimentForm("Lower threshold", ExperimentKind.ROLLOUT, 2,
                List.of(), List.of("10", "50", "100"), "60", "100", null, null, autoAdvance));
        assertThat(created.status()).isEqualTo(ExperimentStatus.GATING);
        // the workspace has no evaluation cases: the gate passes at once, in the background
        await(() -> rollouts.get(admin.id(), created.id()).status() == ExperimentStatus.RUNNING);
        return rollouts.get(admin.id(), created.id());
    }

    private Experiment ab(int candidatePercent) {
        return rollouts.create(admin, new ExperimentForm("Threshold A/B", ExperimentKind.AB, null,
                List.of(new ArmForm(1, String.valueOf(100 - candidatePercent)),
                        new ArmForm(2, String.valueOf(candidatePercent))),
                List.of(), null, "100", null, null, false));
    }

    @Test
    void aCandidateTenPercentWorseIsRolledBackWithItsNumbersAnAuditEntryAndAnAlert() {
        Experiment e = rollout(true);
        assertThat(e.stepStartedAt()).isEqualTo(t0);
        assertThat(e.gate()).isNotNull();
        assertThat(e.gate().summary()).isEqualTo("No evaluation cases: the gate was skipped.");
        assertThat(rollouts.splitInForce(admin.id())).isEqualTo("v1 90 % · v2 10 %");
        // baseline 80 % helpful, candidate 72 %: 10 % worse
        traffic.answers(admin.id(), 1, 3000, 2000, 1600, t0.plus(Duration.ofMinutes(5)));
        traffic.answers(admin.id(), 2, 1200, 1000, 720, t0.plus(Duration.ofMinutes(5)));

        clock.set(t0.plus(Duration.ofMinutes(10)));
        guard.lookAll();

        Experiment after = rollouts.get(admin.id(), e.id());
        assertThat(after.status()).isEqualTo(ExperimentStatus.ROLLED_BACK);
        assertThat(after.endedAt()).isEqualTo(t0.plus(Duration.ofMinutes(10)));
        assertThat(after.arms()).containsExactly(new ExperimentArm("baseline", 1, 10_000),
                new ExperimentArm("candidate", 2, 0));
        assertThat(after.lockVersion()).isGreaterThan(e.lockVersion());
        assertThat(rollouts.splitInForce(admin.id())).isEqualTo("v1 100 %");
        assertThat(rollouts.running(admin.id())).isEmpty();
        // every visitor is back on the live version (the baseline)
        for (int i = 0; i < 300; i++) {
            assertThat(versions.versionFor(admin.id(), "visitor-" + i)).isEqualTo(1);
        }

        DeploymentEvent rollback = rollouts.history(admin.id(), 10).getFirst();
        assertThat(rollback.action()).isEqualTo("rolled_back");
        assertThat(rollback.actor()).isNull();
        assertThat(rollback.fromSplit()).isEqualTo("v1 90 % · v2 10 %");
        assertThat(rollback.toSplit()).isEqualTo("v1 100 %");
        assertThat(rollback.reason()).startsWith("Candidate helpful 72 % [").contains("vs baseline 80 % [")
                .contains("10 % lower, significant").endsWith(": rolled back.");
        assertThat(rollback.numbers()).containsEntry("candidate helpful (%)", 72.0)
                .containsEntry("baseline helpful (%)", 80.0)
                .containsEntry("candidate rated answers", 1000)
                .containsEntry("relative change (%)", -10.0);
        assertThat(rollouts.lastRollback(admin.id())).isEqualTo(rollback);
        assertThat(rollouts.history(admin.id(), 10)).extracting(DeploymentEvent::action)
                .containsExactly("rolled_back", "gate_passed", "created");
        assertThat(rollouts.decision(admin.id(), e.id()).verdict()).isEqualTo(Decision.ROLL_BACK);

        List<Alert> raised = alerts.page(admin.id(), admin.userId(), null).alerts();
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.QUALITY_DROP);
            assertThat(a.title()).isEqualTo("Rollout " + e.number() + " rolled back by the guard");
        });
        List<AuditEntry> entries = audit.recent(admin.id(), null, "rollouts.");
        assertThat(entries).extracting(AuditEntry::action).containsExactly("rollouts.rolled_back",
                "rollouts.created");
        // the guard acted by itself: the log names it, not the admin who created the rollout
        assertThat(entries.getFirst().actorEmail()).isEqualTo("Rollout guard (automatic)");
        assertThat(entries.getLast().actorEmail()).isEqualTo(admin.userEmail());

        // the guard looking again changes nothing
        clock.set(t0.plus(Duration.ofMinutes(11)));
        guard.lookAll();
        assertThat(rollouts.history(admin.id(), 10)).hasSize(3);
    }

    @Test
    void anEqualCandidateIsNeverRolledBackHoweverOftenTheGuardLooks() {
        Experiment e = ab(50);
        assertThat(e.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(e.gate()).isNull();
        for (int minute = 10; minute <= 240; minute += 10) {
            traffic.answers(admin.id(), 1, 60, 40, 32, t0.plus(Duration.ofMinutes(minute - 5)));
            traffic.answers(admin.id(), 2, 60, 40, 32, t0.plus(Duration.ofMinutes(minute - 5)));
            clock.set(t0.plus(Duration.ofMinutes(minute)));
            guard.look(admin.id(), e.id());
            assertThat(rollouts.get(admin.id(), e.id()).status()).as("at minute %d", minute)
                    .isEqualTo(ExperimentStatus.RUNNING);
        }
        assertThat(rollouts.history(admin.id(), 10)).extracting(DeploymentEvent::action).containsExactly("created");
        Decision d = rollouts.decision(admin.id(), e.id());
        assertThat(d.verdict()).isEqualTo(Decision.OK);
        assertThat(d.words()).startsWith("Candidate helpful 80 %").contains("no different");
        // an A/B experiment never completes by itself
        assertThat(rollouts.get(admin.id(), e.id()).lockVersion()).isEqualTo(e.lockVersion());
    }

    @Test
    void aRolloutAdvancesByItselfAndCompletesWithTheCandidateLive() {
        Experiment e = rollout(true);
        // step 1 (10 %): the guard window moves to t0 + 30 min after half an hour, so the traffic lies after that
        traffic.answers(admin.id(), 1, 1800, 1350, 1080, t0.plus(Duration.ofMinutes(45)));
        traffic.answers(admin.id(), 2, 200, 150, 120, t0.plus(Duration.ofMinutes(45)));
        clock.set(t0.plus(Duration.ofMinutes(50)));
        guard.look(admin.id(), e.id());
        Experiment waiting = rollouts.get(admin.id(), e.id());
        assertThat(waiting.step()).isZero();
        assertThat(rollouts.decision(admin.id(), e.id()).words()).contains("10 min of the 1 h minimum left");

        Instant second = t0.plus(Duration.ofMinutes(61));
        clock.set(second);
        guard.look(admin.id(), e.id());
        Experiment advanced = rollouts.get(admin.id(), e.id());
        assertThat(advanced.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(advanced.step()).isEqualTo(1);
        assertThat(advanced.stepStartedAt()).isEqualTo(second);
        assertThat(rollouts.splitInForce(admin.id())).isEqualTo("v1 50 % · v2 50 %");
        assertThat(versions.liveVersion(admin.id())).isEqualTo(1);

        traffic.answers(admin.id(), 1, 700, 500, 400, second.plus(Duration.ofMinutes(45)));
        traffic.answers(admin.id(), 2, 700, 500, 405, second.plus(Duration.ofMinutes(45)));
        clock.set(second.plus(Duration.ofMinutes(61)));
        guard.look(admin.id(), e.id());

        Experiment done = rollouts.get(admin.id(), e.id());
        assertThat(done.status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(done.step()).isEqualTo(2);
        assertThat(done.arms()).containsExactly(new ExperimentArm("baseline", 1, 0),
                new ExperimentArm("candidate", 2, 10_000));
        assertThat(versions.liveVersion(admin.id())).isEqualTo(2);
        assertThat(versions.liveHistory(admin.id(), 1).getFirst().reason())
                .startsWith("Rollout " + e.number() + " (Lower threshold) completed by the guard");
        assertThat(rollouts.splitInForce(admin.id())).isEqualTo("v2 100 %");
        assertThat(versions.versionFor(admin.id(), "anyone")).isEqualTo(2);
        assertThat(rollouts.history(admin.id(), 10)).extracting(DeploymentEvent::action)
                .containsExactly("completed", "advanced", "gate_passed", "created");
        assertThat(rollouts.history(admin.id(), 10).get(1).toSplit()).isEqualTo("v1 50 % · v2 50 %");
        assertThat(rollouts.decision(admin.id(), e.id()).verdict()).isEqualTo(Decision.COMPLETE);
    }

    @Test
    void aManualRolloutWaitsForTheButtonAndAStalePageIsRefusedWithWhatChanged() {
        Experiment e = rollout(false);
        traffic.answers(admin.id(), 1, 1800, 1350, 1080, t0.plus(Duration.ofMinutes(45)));
        traffic.answers(admin.id(), 2, 200, 150, 120, t0.plus(Duration.ofMinutes(45)));
        clock.set(t0.plus(Duration.ofMinutes(70)));
        guard.look(admin.id(), e.id());
        assertThat(rollouts.get(admin.id(), e.id()).step()).isZero();
        Decision d = rollouts.decision(admin.id(), e.id());
        assertThat(d.verdict()).isEqualTo(Decision.ADVANCE);
        assertThat(d.words()).endsWith("Press Advance to go on.");

        // the page was loaded while the gate ran (lock version of the GATING experiment)
        assertThatThrownBy(() -> rollouts.advance(admin, e.id(), e.lockVersion() - 1))
                .isInstanceOf(RolloutConflictException.class)
                .hasMessage("The rollout changed meanwhile (the offline gate started it at 10 % 1 hour ago); "
                        + "reload.");
        Experiment advanced = rollouts.advance(admin, e.id(), e.lockVersion());
        assertThat(advanced.step()).isEqualTo(1);
        assertThat(rollouts.history(admin.id(), 1).getFirst().actor()).isEqualTo(admin.userEmail());

        // the guard rolls it back; a rollback from the page that still shows 50 % is refused with that
        traffic.answers(admin.id(), 1, 2000, 2000, 1600, t0.plus(Duration.ofMinutes(75)));
        traffic.answers(admin.id(), 2, 2000, 2000, 1300, t0.plus(Duration.ofMinutes(75)));
        clock.set(t0.plus(Duration.ofMinutes(80)));
        guard.look(admin.id(), e.id());
        assertThat(rollouts.get(admin.id(), e.id()).status()).isEqualTo(ExperimentStatus.ROLLED_BACK);
        clock.set(t0.plus(Duration.ofMinutes(81)));
        assertThat(rollouts.history(admin.id(), 1).getFirst().actor()).as("the guard").isNull();
        assertThatThrownBy(() -> rollouts.rollback(admin, e.id(), "Looks bad", advanced.lockVersion()))
                .isInstanceOf(RolloutConflictException.class)
                .hasMessage("The rollout changed meanwhile (the guard rolled it back 1 minute ago); reload.");
        long current = rollouts.get(admin.id(), e.id()).lockVersion();
        assertThatThrownBy(() -> rollouts.rollback(admin, e.id(), "Again", current))
                .isInstanceOf(RolloutConflictException.class).hasMessage("This rollout has ended already (rolled back).");
    }

    @Test
    void aRollbackRacingAnAdvanceIsSerialisedOneWinsTheOtherIsToldWhy() throws Exception {
        for (int round = 0; round < 3; round++) {
            Experiment e = rollout(false);
            long version = e.lockVersion();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Experiment>> actions = List.of(
                        () -> {
                            go.await();
                            return rollouts.advance(admin, e.id(), version);
                        },
                        () -> {
                            go.await();
                            return rollouts.rollback(admin, e.id(), "Race", version);
                        });
                List<Future<Experiment>> futures = new ArrayList<>();
                actions.forEach(a -> futures.add(pool.submit(a)));
                go.countDown();
                int won = 0;
                int refused = 0;
                for (Future<Experiment> f : futures) {
                    try {
                        f.get();
                        won++;
                    } catch (java.util.concurrent.ExecutionException ex) {
                        assertThat(ex.getCause()).isInstanceOf(RolloutConflictException.class)
                                .hasMessageStartingWith("The rollout changed meanwhile (" + admin.userEmail());
                        refused++;
                    }
                }
                assertThat(won).isEqualTo(1);
                assertThat(refused).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            Experiment after = rollouts.get(admin.id(), e.id());
            List<String> actions = rollouts.history(admin.id(), 1).stream().map(DeploymentEvent::action).toList();
            if (after.status() == ExperimentStatus.ROLLED_BACK) {
                assertThat(after.step()).isZero();
                assertThat(actions).containsExactly("rolled_back");
            } else {
                assertThat(after.step()).isEqualTo(1);
                assertThat(actions).containsExactly("advanced");
                rollouts.stop(admin, e.id(), after.lockVersion());
            }
        }
    }

    @Test
    void twoExperimentsOnTheSameTrafficAreRefusedUntilTheFirstEnds() {
        Experiment first = ab(10);
        assertThatThrownBy(() -> rollouts.create(admin, new ExperimentForm("Second", ExperimentKind.ROLLOUT, 2,
                List.of(), List.of(), null, null, null, null, true)))
                .isInstanceOf(RolloutConflictException.class)
                .hasMessage("Experiment " + first.number() + " (“Threshold A/B”) is running on this workspace's "
                        + "traffic; two experiments cannot share it. Stop it, or wait until it ends.");
        assertThat(rollouts.list(admin.id())).hasSize(1);

        Experiment stopped = rollouts.stop(admin, first.id(), first.lockVersion());
        assertThat(stopped.status()).isEqualTo(ExperimentStatus.STOPPED);
        assertThat(rollouts.splitInForce(admin.id())).isEqualTo("v1 100 %");
        assertThatThrownBy(() -> rollouts.stop(admin, first.id(), stopped.lockVersion()))
                .isInstanceOf(RolloutConflictException.class);
        Experiment second = rollout(true);
        assertThat(second.number()).isEqualTo(first.number() + 1);
        assertThat(rollouts.list(admin.id())).extracting(Experiment::id).containsExactly(second.id(), first.id());
    }

    @Test
    void metricsAndSeriesPerArmComeFromTheArmsOwnAnswersAndCalls() {
        Experiment e = ab(50);
        traffic.answers(admin.id(), 1, 100, 50, 40, t0.plus(Duration.ofMinutes(5)));
        traffic.answers(admin.id(), 2, 80, 40, 20, t0.plus(Duration.ofMinutes(65)));
        traffic.calls(admin.id(), 1, 100, 2, t0.plus(Duration.ofMinutes(5)));
        traffic.calls(admin.id(), 2, 80, 8, t0.plus(Duration.ofMinutes(65)));
        clock.set(t0.plus(Duration.ofMinutes(70)));

        List<ArmMetrics> m = rollouts.metrics(admin.id(), e.id());
        assertThat(m).extracting(ArmMetrics::arm).containsExactly("baseline", "b", "baseline", "b");
        // the guard window at 70 min runs from t0 + 30 min: the baseline's traffic at 5 min is before it
        assertThat(m.get(0).answers()).isZero();
        assertThat(m.get(1).answers()).isEqualTo(80);
        ArmMetrics base = m.get(2);
        assertThat(base.version()).isEqualTo(1);
        assertThat(base.answers()).isEqualTo(100);
        assertThat(base.conversations()).isEqualTo(100);
        assertThat(base.visitors()).as("not counted since the start").isEqualTo(-1);
        assertThat(m.get(1).visitors()).as("counted over the window").isEqualTo(80);
        assertThat(base.helpful().value()).isEqualTo(0.8);
        assertThat(base.helpfulCi().contains(0.8)).isTrue();
        assertThat(base.error().value()).isEqualTo(0.02);
        assertThat(base.latencyMs().count()).isEqualTo(100);
        assertThat(base.latencyMs().p50()).isBetween(400.0, 600.0);
        assertThat(base.tokensPerConversation()).isEqualTo(150.0);
        ArmMetrics b = m.get(3);
        assertThat(b.helpful().value()).isEqualTo(0.5);
        assertThat(b.error().value()).isEqualTo(0.1);

        List<SeriesPoint> series = rollouts.series(admin.id(), e.id());
        assertThat(series).extracting(SeriesPoint::arm).containsExactly("baseline", "b");
        assertThat(series.get(0).from()).isEqualTo(t0);
        assertThat(series.get(1).from()).isEqualTo(t0.plus(Duration.ofHours(1)));
        assertThat(series.get(1).helpful().count()).isEqualTo(40);
    }

    @Test
    void makingAnotherVersionLiveStopsTheExperimentSoThatItServesEveryone() {
        Experiment e = ab(50);
        versions.makeLive(admin, 2, "Going with the lower threshold");

        await(() -> rollouts.get(admin.id(), e.id()).status() == ExperimentStatus.STOPPED);
        assertThat(rollouts.history(admin.id(), 1).getFirst().reason()).isEqualTo("v2 was made live (Going with the "
                + "lower threshold), so the experiment against v1 stopped and v2 serves every visitor.");
        assertThat(rollouts.splitInForce(admin.id())).isEqualTo("v2 100 %");
        assertThat(versions.versionFor(admin.id(), "visitor-1")).isEqualTo(2);
        assertThat(rollouts.decision(admin.id(), e.id()).words()).startsWith("Stopped by " + admin.userEmail()
                + ": v2 was made live");
    }

    @Test
    void theRehearsalModelsTheWorkspacesOwnTrafficAndSaysWhenADropCannotBeCaught() {
        ExperimentForm tenPercent = new ExperimentForm("Lower threshold", ExperimentKind.ROLLOUT, 2, List.of(),
                List.of("50", "100"), null, null, "10", null, true);
        assertThat(rollouts.rehearse(admin.id(), tenPercent)).as("no traffic to model").isEmpty();

        // a week of traffic: 150,000 answers, all rated, 80 % helpful: ~450 rated answers per arm per 60-min window
        traffic.answers(admin.id(), 1, 150_000, 150_000, 120_000, t0.minus(Duration.ofDays(2)));
        var estimate = rollouts.rehearse(admin.id(), tenPercent);
        assertThat(estimate).isPresent();
        assertThat(estimate.getAsInt()).isBetween(100, Rehearsal.CAP);

        // a 5 % drop needs more rated answers per window than the workspace has: not catchable, said at once
        ExperimentForm fivePercent = new ExperimentForm("Lower threshold", ExperimentKind.ROLLOUT, 2, List.of(),
                List.of("50", "100"), null, null, "5", null, true);
        long started = System.nanoTime();
        assertThat(rollouts.rehearse(admin.id(), fivePercent)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
