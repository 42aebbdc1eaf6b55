package com.frontline.llm.internal;

import com.frontline.llm.TokenSink;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;

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

    HopHandler(TokenSink sink) {
        this.sink = sink;
    }

    @Override
    public void onPartialResponse(String delta) {
        synchronized (this) {
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

    /** No more tokens reach the sink; returns whether any did. */
    synchronized boolean abandon() {
        live = false;
        return !streamed.isEmpty();
    }

    synchronized String streamedText() {
        return streamed.toString();
    }
}
