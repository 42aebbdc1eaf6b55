package com.frontline.rollouts;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.assistants.AssistantVersions;
import com.frontline.chat.ChatService;
import com.frontline.rollouts.ExperimentForm.ArmForm;
import com.frontline.shared.CurrentTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The widget's version for each visitor while an experiment runs, through the real {@link AssistantVersions#versionFor}
 * and the rollouts module's selector: the split holds within ±2 points over 10,000 visitors, a visitor keeps the arm
 * after a restart (fresh beans) and when a rollout's share grows, and a node that did not make a change follows it
 * within its cache's time to live.
 */
@IntegrationTest
class RolloutSelectorTest {

    static final int VISITORS = 10_000;

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired AssistantVersions versions;
    @Autowired ChatService chat;
    @Autowired Rollouts rollouts;
    @Autowired ExperimentRepository repository;
    @Autowired TransactionTemplate tx;

    CurrentTenant admin;

    @BeforeEach
    void threeVersions() throws Exception {
        TestAccounts.Account alice = accounts.signedIn(mvc, "alice");
        admin = accounts.asMember(alice, accounts.workspace(alice, "Split Co"));
        versions.liveVersion(admin.id());
        chat.updateSettings(admin, "45", false, null);
        versions.publish(admin, "Two");
        chat.updateSettings(admin, "40", false, null);
        versions.publish(admin, "Three");
    }

    private Map<String, Integer> assign(java.util.function.Function<String, Integer> selector) {
        Map<String, Integer> byVisitor = new HashMap<>();
        IntStream.range(0, VISITORS).forEach(i -> byVisitor.put("visitor-" + i, selector.apply("visitor-" + i)));
        return byVisitor;
    }

    private static double share(Map<String, Integer> assigned, int version) {
        return assigned.values().stream().filter(v -> v == version).count() / (double) assigned.size();
    }

    @Test
    void anAbnSplitHoldsWithinTwoPointsAndAVisitorKeepsTheArmAfterARestart() {
        rollouts.create(admin, new ExperimentForm("Three ways", ExperimentKind.AB, null,
                List.of(new ArmForm(1, "50"), new ArmForm(2, "30"), new ArmForm(3, "20")), List.of(), null, null,
                null, null, false));

        Map<String, Integer> before = assign(v -> versions.versionFor(admin.id(), v));
        assertThat(share(before, 1)).isCloseTo(0.50, within(0.02));
        assertThat(share(before, 2)).isCloseTo(0.30, within(0.02));
        assertThat(share(before, 3)).isCloseTo(0.20, within(0.02));

        // a restarted node: its own cache and selector, nothing carried over
        ActiveExperiments fresh = new ActiveExperiments(repository, tx,
                new RolloutsProperties(Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofMinutes(60)));
        RolloutVersionSelector restarted = new RolloutVersionSelector(fresh);
        Map<String, Integer> after = assign(v -> restarted.select(admin.id(), v).orElseThrow());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aRolloutsVisitorsStayOnTheCandidateAsItsShareGrowsAndReturnAfterARollback() {
        Experiment e = rollouts.create(admin, new ExperimentForm("Grow", ExperimentKind.ROLLOUT, 3, List.of(),
                List.of("10", "50", "100"), null, null, null, null, false));
        // while the gate runs, everyone gets the live version
        assertThat(versions.versionFor(admin.id(), "visitor-1")).isEqualTo(1);
        await(() -> rollouts.get(admin.id(), e.id()).status() == ExperimentStatus.RUNNING);

        Map<String, Integer> at10 = assign(v -> versions.versionFor(admin.id(), v));
        assertThat(share(at10, 3)).isCloseTo(0.10, within(0.02));
        assertThat(share(at10, 2)).isZero();

        Experiment at50 = rollouts.advance(admin, e.id(), rollouts.get(admin.id(), e.id()).lockVersion());
        Map<String, Integer> later = assign(v -> versions.versionFor(admin.id(), v));
        assertThat(share(later, 3)).isCloseTo(0.50, within(0.02));
        at10.forEach((visitor, version) -> {
            if (version == 3) {
                assertThat(later.get(visitor)).as(visitor).isEqualTo(3);
            }
        });

        rollouts.rollback(admin, e.id(), "Customers report wrong prices", at50.lockVersion());
        assertThat(assign(v -> versions.versionFor(admin.id(), v)).values()).containsOnly(1);
    }

    @Test
    void anotherNodeFollowsAChangeWithinItsCachesTimeToLive() {
        Experiment e = rollouts.create(admin, new ExperimentForm("Two ways", ExperimentKind.AB, null,
                List.of(new ArmForm(1, "50"), new ArmForm(2, "50")), List.of(), null, null, null, null, false));
        ActiveExperiments otherNode = new ActiveExperiments(repository, tx,
                new RolloutsProperties(Duration.ofMinutes(1), Duration.ofMillis(300), Duration.ofMinutes(60)));
        RolloutVersionSelector other = new RolloutVersionSelector(otherNode);
        assertThat(other.select(admin.id(), "visitor-7")).isPresent();

        rollouts.stop(admin, e.id(), e.lockVersion());

        // this node evicted its entry when the stop committed; the other still has the running split for a moment
        assertThat(versions.versionFor(admin.id(), "visitor-7")).isEqualTo(1);
        assertThat(IntStream.range(0, 200).mapToObj(i -> other.select(admin.id(), "visitor-" + i))
                .filter(OptionalInt::isPresent).count()).isPositive();
        await(() -> other.select(admin.id(), "visitor-7").isEmpty());
    }
}
