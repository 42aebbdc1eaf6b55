package com.frontline.rollouts;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.assistants.AssistantVersions;
import com.frontline.chat.ChatService;
import com.frontline.rollouts.ExperimentForm.ArmForm;
import com.frontline.shared.CurrentTenant;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app nodes' schedulers on one database, each with the guard's recurring task (ticking every second here):
 * db-scheduler gives each tick to one of them, so the guard looks once per tick, never twice, however many nodes
 * poll. Counted twice over: the executions the two schedulers report, and the looks the experiment recorded.
 */
@IntegrationTest
class GuardOncePerClusterTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired AssistantVersions versions;
    @Autowired ChatService chat;
    @Autowired Rollouts rollouts;
    @Autowired RolloutGuard guard;
    @Autowired ExperimentRepository repository;
    @Autowired DataSource dataSource;
    @Autowired TransactionTemplate tx;

    final String taskName = "rollouts-guard-test-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void removeTheTestTask() {
        new JdbcTemplate(dataSource).update("delete from scheduled_tasks where task_name = ?", taskName);
    }

    private RecurringTask<Void> guardTask(String node, Map<Instant, AtomicInteger> ticks, Map<String, AtomicInteger> byNode) {
        return Tasks.recurring(taskName, FixedDelay.ofSeconds(1))
                .execute((instance, context) -> {
                    ticks.computeIfAbsent(context.getExecution().executionTime, t -> new AtomicInteger())
                            .incrementAndGet();
                    byNode.computeIfAbsent(node, n -> new AtomicInteger()).incrementAndGet();
                    guard.lookAll();
                });
    }

    private Scheduler node(String name, Map<Instant, AtomicInteger> ticks, Map<String, AtomicInteger> byNode) {
        RecurringTask<Void> task = guardTask(name, ticks, byNode);
        return Scheduler.create(dataSource)
                .startTasks(task)
                .schedulerName(new SchedulerName.Fixed(name))
                .pollingInterval(Duration.ofMillis(100))
                .threads(2)
                .build();
    }

    @Test
    void twoSchedulersOnOneDatabaseRunTheGuardOncePerTick() throws Exception {
        TestAccounts.Account alice = accounts.signedIn(mvc, "alice");
        CurrentTenant admin = accounts.asMember(alice, accounts.workspace(alice, "Cluster Co"));
        versions.liveVersion(admin.id());
        chat.updateSettings(admin, "45", false, null);
        versions.publish(admin, "Two");
        Experiment e = rollouts.create(admin, new ExperimentForm("Watched", ExperimentKind.AB, null,
                List.of(new ArmForm(1, "50"), new ArmForm(2, "50")), List.of(), null, null, null, null, false));

        Map<Instant, AtomicInteger> ticks = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byNode = new ConcurrentHashMap<>();
        Scheduler a = node("node-a", ticks, byNode);
        Scheduler b = node("node-b", ticks, byNode);
        a.start();
        b.start();
        try {
            await(() -> ticks.size() >= 6);
        } finally {
            a.stop();
            b.stop();
        }

        int executions = ticks.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(ticks.values()).as("executions per tick").allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(byNode.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(executions);
        long looks = tx.execute(s -> repository.find(admin.id(), e.id()).orElseThrow().guardLooks());
        assertThat(looks).as("the experiment's recorded looks").isEqualTo(executions);
        System.out.println("guard ticks per node: " + byNode.entrySet().stream()
                .map(en -> en.getKey() + "=" + en.getValue()).collect(Collectors.joining(", ")));
    }
}
