package com.frontline.knowledge;

import com.frontline.platform.elasticsearch.ElasticsearchUnavailableException;
import com.frontline.search.KnowledgeIndex;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class WaitForSearchTest {

    @SuppressWarnings("unchecked")
    final FailureHandler<Object> otherwise = mock(FailureHandler.class);
    @SuppressWarnings("unchecked")
    final ExecutionOperations<Object> operations = mock(ExecutionOperations.class);
    final WaitForSearch<Object> handler = new WaitForSearch<>(otherwise);

    static ExecutionComplete failedWith(Throwable cause) {
        Execution execution = new Execution(Instant.now(), new TaskInstance<>("knowledge-ingest", "t:d:1"));
        return ExecutionComplete.failure(execution, Instant.now(), Instant.now(), cause);
    }

    @Test
    void anUnreachableIndexIsWaitedForWithoutUsingUpRetries() {
        for (Throwable cause : new Throwable[]{
                mock(ElasticsearchUnavailableException.class), // the embedded node is not running
                new IllegalStateException("batch", new UncheckedIOException("Elasticsearch: cannot index chunks in x",
                        new ConnectException("Connection refused")))}) {
            ExecutionComplete complete = failedWith(cause);
            handler.onFailure(complete, operations);
            verify(operations).reschedule(eq(complete), any(Instant.class));
            verify(otherwise, never()).onFailure(eq(complete), any());
        }
    }

    @Test
    void anyOtherFailureGoesToTheJobsOwnHandler() {
        for (Throwable cause : new Throwable[]{
                new IllegalArgumentException("a bad file"),
                new UncheckedIOException("Cannot read the upload", new IOException("disk"))}) {
            ExecutionComplete complete = failedWith(cause);
            handler.onFailure(complete, operations);
            verify(otherwise).onFailure(complete, operations);
            verify(operations, never()).reschedule(eq(complete), any(Instant.class));
        }
    }

    @Test
    void unreachableIsTheIndexBeingAwayNotARefusal() {
        assertThat(KnowledgeIndex.unreachable(new UncheckedIOException("Elasticsearch: cannot search in x",
                new IOException("Connection reset")))).isTrue();
        assertThat(KnowledgeIndex.unreachable(new RuntimeException("mapper_parsing_exception"))).isFalse();
    }
}
