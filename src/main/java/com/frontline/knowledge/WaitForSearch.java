package com.frontline.knowledge;

import com.frontline.search.KnowledgeIndex;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * An indexing job that failed because Elasticsearch could not be reached waits and tries again every {@link #PAUSE}
 * for as long as the outage lasts, instead of using up its retries and marking the document failed: the document is
 * fine, the index is away. Any other failure goes to the job's own handler (back-off, then failed).
 */
final class WaitForSearch<T> implements FailureHandler<T> {

    private static final Logger log = LoggerFactory.getLogger(WaitForSearch.class);
    static final Duration PAUSE = Duration.ofSeconds(30);

    private final FailureHandler<T> otherwise;

    WaitForSearch(FailureHandler<T> otherwise) {
        this.otherwise = otherwise;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        Throwable cause = complete.getCause().orElse(null);
        if (cause != null && KnowledgeIndex.unreachable(cause)) {
            log.info("Elasticsearch is unreachable: job {} waits {} s and tries again ({})",
                    complete.getExecution().taskInstance.getId(), PAUSE.toSeconds(), cause.toString());
            operations.reschedule(complete, Instant.now().plus(PAUSE));
            return;
        }
        otherwise.onFailure(complete, operations);
    }
}
