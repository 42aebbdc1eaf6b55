package com.frontline.llm;

import com.frontline.llm.internal.Answering;
import com.frontline.llm.internal.ProviderSettings;
import com.frontline.llm.internal.Prompts;
import com.frontline.shared.CurrentTenant;
import com.frontline.tenants.Persona;
import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
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
    private final ProviderSettings settings;

    AssistantGateway(Answering answering, ProviderSettings settings) {
        this.answering = answering;
        this.settings = settings;
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
        return answering.standaloneQuestion(tenant, history, question, null, null);
    }

    /**
     * As {@link #standaloneQuestion(TenantId, List, String)}, with the given providers (an assistant version's)
     * rewriting a follow-up, and their calls recorded for that version.
     *
     * @param models           null: the workspace's saved settings
     * @param assistantVersion null: the draft
     */
    public String standaloneQuestion(TenantId tenant, List<Turn> history, String question,
                                     @Nullable ModelSettings models, @Nullable Integer assistantVersion) {
        return answering.standaloneQuestion(tenant, history, question, models, assistantVersion);
    }

    /**
     * The routing rules and the enabled providers in failover order with their models, as saved under Settings → AI
     * providers: what an assistant version's draft takes from this module.
     */
    public ModelSettings currentSettings(TenantId tenant) {
        return settings.modelSettings(tenant);
    }

    /**
     * Makes the saved settings those given (restoring an assistant version): the routing rules (the budget stays),
     * the providers' order, models and hand-over tool; providers not in the list are disabled. Audited.
     *
     * @return the names of the providers of the list that were deleted since, and so could not be restored
     */
    public List<String> applySettings(CurrentTenant admin, ModelSettings models) {
        return settings.restore(admin, models);
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
