package com.frontline.llm.internal;

import com.frontline.llm.TokenSink;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives one hop's stream on the provider's thread and forwards tokens to the caller's sink until the hop is
 * abandoned (timed out or failed): after that, late tokens are dropped, so the sink never mixes two hops.
 */
final class HopHandler implements StreamingChatResponseHandler {

    private static final Logger log = LoggerFactory.getLogger(HopHandler.class);

    final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    private final TokenSink sink;
    private final StringBuilder streamed = new StringBuilder();
    private boolean live = true;
    /** When the last token arrived (nanoTime), 0 before the first. */
    private volatile long lastTokenAt;

    HopHandler(TokenSink sink) {
        this.sink = sink;
    }

    @Override
    public void onPartialResponse(String delta) {
        synchronized (this) {
            lastTokenAt = System.nanoTime();
            if (!live || delta.isEmpty()) {
                return;
            }
            streamed.append(delta);
            try {
                sink.token(delta);
            } catch (RuntimeException e) {
                // the caller's problem (a closed connection, say), not the provider's
                log.debug("Token sink refused a token: {}", e.toString());
            }
        }
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    /**
     * Waits for the hop's response: at most {@code limit} in all and, once tokens flow, at most {@code idle} between
     * two of them, so a stream that stalls mid-answer fails over after the idle timeout rather than the provider's
     * whole time limit. Written here because Resilience4j's TimeLimiter bounds only the total wait.
     *
     * @throws StalledException when the stream stalled between tokens
     * @throws TimeoutException when the limit passed
     */
    ChatResponse await(Duration limit, Duration idle) throws TimeoutException, ExecutionException,
            InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long now = System.nanoTime();
            long last = lastTokenAt;
            long until = last == 0 ? deadline : Math.min(deadline, last + idle.toNanos());
            if (until - now <= 0) {
                if (last != 0 && deadline - now > 0) {
                    throw new StalledException(idle);
                }
                throw new TimeoutException("no complete answer within " + limit);
            }
            try {
                // wake often enough to notice a stall that starts after the first token
                return done.get(Math.min(until - now, Math.max(idle.toNanos() / 4, 10_000_000L)),
                        TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // look again: the first token or a stall may have come meanwhile
            }
        }
    }

    /** The stream started and then sent nothing for the idle timeout. */
    static final class StalledException extends TimeoutException {

        final Duration idle;

        StalledException(Duration idle) {
            super("no token for " + idle);
            this.idle = idle;
        }
    }

    /** No more tokens reach the sink; returns whether any did. */
    synchronized boolean abandon() {
        live = false;
        return !streamed.isEmpty();
    }

    synchronized String streamedText() {
        return streamed.toString();
    }
}
