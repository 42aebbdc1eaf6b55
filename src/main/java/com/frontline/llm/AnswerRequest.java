package com.frontline.llm;

import com.frontline.shared.TenantId;
import com.frontline.tenants.Persona;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/**
 * A customer's question with the conversation so far and the passages retrieved for it.
 *
 * @param question         the customer's words
 * @param query            the question made standalone from the conversation, as searched (the question itself when
 *                         it stands alone)
 * @param models           the routing rules and providers to answer with (an assistant version's, or the draft's);
 *                         null: the workspace's saved settings as they are now
 * @param assistantVersion the assistant version answering, recorded with every model call; null for the draft
 */
public record AnswerRequest(TenantId tenant, @Nullable UUID conversationId, Persona persona,
                            List<Turn> history, String question, String query, List<Source> sources,
                            @Nullable ModelSettings models, @Nullable Integer assistantVersion) {

    public AnswerRequest {
        history = List.copyOf(history);
        sources = List.copyOf(sources);
    }

    /** With the workspace's saved settings, as no version. */
    public AnswerRequest(TenantId tenant, @Nullable UUID conversationId, Persona persona, List<Turn> history,
                         String question, String query, List<Source> sources) {
        this(tenant, conversationId, persona, history, question, query, sources, null, null);
    }

    /** A question that stands alone: it is searched as written. */
    public AnswerRequest(TenantId tenant, @Nullable UUID conversationId, Persona persona, List<Turn> history,
                         String question, List<Source> sources) {
        this(tenant, conversationId, persona, history, question, question, sources);
    }
}
