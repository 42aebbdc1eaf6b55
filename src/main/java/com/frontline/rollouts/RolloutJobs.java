package com.frontline.rollouts;

import com.frontline.assistants.AssistantEvents;
import com.frontline.evaluation.EvaluationEvents;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The rollouts module's background work: the guard as a db-scheduler recurring task (its state in PostgreSQL, so
 * with several app nodes it runs on one of them per tick, and survives restarts), and the offline gate moved on when
 * a rollout is created or an evaluation run finishes.
 */
@Configuration(proxyBeanMethods = false)
class RolloutJobs {

    static final String GUARD_TASK = "rollouts-guard";

    @Bean
    RecurringTask<Void> rolloutGuardTask(RolloutGuard guard, RolloutsProperties properties) {
        return Tasks.recurring(GUARD_TASK, FixedDelay.of(properties.guardEvery()))
                .execute((instance, context) -> guard.lookAll());
    }

    /**
     * Moves a rollout's offline gate on as soon as there is something to do, and ends an experiment whose baseline
     * is no longer the live version because someone made another version live on the Versions page (otherwise the
     * experiment's arms would keep serving every visitor, and the new live version nobody).
     */
    @Component
    static class GateEvents {

        private final OfflineGate gate;
        private final Rollouts rollouts;

        GateEvents(OfflineGate gate, Rollouts rollouts) {
            this.gate = gate;
            this.rollouts = rollouts;
        }

        @ApplicationModuleListener
        void on(AssistantEvents.LiveVersionChanged e) {
            rollouts.liveVersionChanged(e.tenant(), e.to(), e.by(), e.reason());
        }

        @ApplicationModuleListener
        void on(RolloutEvents.ExperimentChanged e) {
            if (e.status() == ExperimentStatus.GATING) {
                gate.progress(e.tenant(), e.experiment());
            }
        }

        @ApplicationModuleListener
        void on(EvaluationEvents.RunFinished e) {
            gate.progress(e.tenant());
        }
    }
}
