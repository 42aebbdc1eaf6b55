package com.frontline.evaluation;

import com.frontline.corrections.CorrectionEvents;
import com.frontline.shared.TenantId;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Evaluation runs as db-scheduler tasks (persisted in PostgreSQL, picked by one app node, retried, picked up again
 * after a restart), and the approved corrections that become cases of the set.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationJobs {

    private static final Logger log = LoggerFactory.getLogger(EvaluationJobs.class);
    static final int MAX_RETRIES = 3;
    static final String TASK = "evaluation-run";

    record Run(UUID tenant, UUID runId) implements Serializable {
    }

    @Bean
    OneTimeTask<Run> evaluationRunTask(EvaluationService evaluation) {
        return Tasks.oneTime(TASK, Run.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(MAX_RETRIES,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5)),
                        (complete, operations) -> {
                            Run job = (Run) complete.getExecution().taskInstance.getData();
                            String reason = complete.getCause().map(Throwable::getMessage).orElse("unknown error");
                            log.warn("Workspace {}: giving up on evaluation run {} after {} attempts: {}", job.tenant(),
                                    job.runId(), MAX_RETRIES + 1, reason);
                            evaluation.fail(TenantId.of(job.tenant()), job.runId(), "The run stopped with an error "
                                    + "after several attempts; the cases answered so far are kept. Start a new run.");
                            operations.stop();
                        }))
                .execute((instance, context) -> evaluation.execute(TenantId.of(instance.getData().tenant()),
                        instance.getData().runId()));
    }

    /** Turns started runs into tasks, resumes runs a restart interrupted, and keeps corrections' cases current. */
    @Component
    static class Scheduling {

        private final SchedulerClient scheduler;
        private final OneTimeTask<Run> task;
        private final EvaluationService evaluation;

        Scheduling(@Lazy SchedulerClient scheduler, OneTimeTask<Run> task, EvaluationService evaluation) {
            this.scheduler = scheduler;
            this.task = task;
            this.evaluation = evaluation;
        }

        @ApplicationModuleListener
        void on(EvaluationEvents.RunStarted e) {
            schedule(e.tenant(), e.runId());
        }

        /**
         * A run still marked running after a start has lost its worker (or its task was never scheduled): it is
         * scheduled again and continues with the cases not yet answered. A run whose task db-scheduler still holds
         * is left to it (scheduling the same id twice is a no-op).
         */
        @EventListener(ApplicationReadyEvent.class)
        void resumeInterruptedRuns() {
            for (EvaluationRepository.RunRef run : evaluation.runningEverywhere()) {
                log.info("Resuming evaluation run {} of workspace {}", run.runId(), run.tenant());
                schedule(run.tenant(), run.runId());
            }
        }

        void schedule(TenantId tenant, UUID runId) {
            scheduler.scheduleIfNotExists(task.instance(runId.toString(), new Run(tenant.value(), runId)),
                    Instant.now());
        }

        @ApplicationModuleListener
        void on(CorrectionEvents.CorrectionApproved e) {
            evaluation.correctionApproved(e.tenant(), e.correctionId(), e.version(), e.question(), e.answer(),
                    e.sourceUrl());
        }

        @ApplicationModuleListener
        void on(CorrectionEvents.CorrectionRetired e) {
            evaluation.correctionRetired(e.tenant(), e.correctionId());
        }
    }
}
