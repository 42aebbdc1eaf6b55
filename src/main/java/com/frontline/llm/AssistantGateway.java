package com.frontline.llm;

import com.frontline.llm.internal.Answering;
import com.frontline.llm.internal.Prompts;
import com.frontline.tenants.Persona;
import com.frontline.shared.TenantId;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The chat module's way to the models. Routes each question by its complexity and the workspace's rules, fails over
 * along the workspace's providers (each with its own timeout and circuit breaker), keeps to the monthly budget, and
 * ends with the offline answerer, so there is always an answer. Every call is recorded for usage and cost.
 */
@Service
public class AssistantGateway {

    private final Answering answering;

    AssistantGateway(Answering answering) {
        this.answering = answering;
    }

    /**
     * Always returns (the offline answerer is the last hop); streams a model's tokens to the sink as they come. The
     * offline answerer's text is returned without streaming it ({@link Answer#streamed()} is false).
     */
    public Answer answer(AnswerRequest request, TokenSink sink) {
        return answering.answer(request, sink);
    }

    /**
     * Rewrites a follow-up ("and for kids?") into a standalone question using the history; with no LLM, a heuristic
     * (carries over the previous customer question's key terms when the follow-up is short or uses pronouns).
     * Returns the question unchanged when it already stands alone.
     */
    public String standaloneQuestion(TenantId tenant, List<Turn> history, String question) {
        return answering.standaloneQuestion(tenant, history, question);
    }

    /**
     * The system prompt a model answering for this persona gets (its name, tone, the company's instructions,
     * language and the rules), as the training export's system message.
     */
    public String systemPrompt(Persona persona) {
        return Prompts.system(persona);
    }

    /** For the UI: true when the tenant has no usable provider and the offline answerer answers. */
    public boolean offlineOnly(TenantId tenant) {
        return answering.offlineOnly(tenant);
    }
}
