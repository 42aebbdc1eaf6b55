package com.frontline.llm;

import com.frontline.shared.TenantId;
import com.frontline.tenants.Persona;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.UUID;

/** A customer's question with the conversation so far and the passages retrieved for it. */
public record AnswerRequest(TenantId tenant, @Nullable UUID conversationId, Persona persona,
                            List<Turn> history, String question, List<Source> sources) {

    public AnswerRequest {
        history = List.copyOf(history);
        sources = List.copyOf(sources);
    }
}
