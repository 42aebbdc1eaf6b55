package com.frontline.llm;

import java.util.List;

/**
 * The assistant's answer.
 *
 * @param text             the answer; empty when the offline answerer found nothing that matches (use the fallback)
 * @param citedSources     the numbers of the sources the text cites as [n], in order of first citation
 * @param handoffRequested the model called the {@code handoff_to_human} tool
 * @param extractive       the text quotes the sources verbatim (the offline answerer), no model wrote it
 * @param provider         the provider's name, or {@code offline}
 * @param route            simple, default, complex, long_context, budget or offline
 * @param failedOver       an earlier provider in the chain failed or was skipped
 * @param failures         the providers that failed or were skipped before this answer, in chain order
 */
public record Answer(String text, List<Integer> citedSources, boolean handoffRequested, boolean extractive,
                     String provider, String model, String route, boolean failedOver,
                     List<ProviderFailure> failures) {

    public Answer {
        citedSources = List.copyOf(citedSources);
        failures = List.copyOf(failures);
    }

    public Answer(String text, List<Integer> citedSources, boolean handoffRequested, boolean extractive,
                  String provider, String model, String route, boolean failedOver) {
        this(text, citedSources, handoffRequested, extractive, provider, model, route, failedOver, List.of());
    }

    public Answer withFailures(List<ProviderFailure> failures) {
        return new Answer(text, citedSources, handoffRequested, extractive, provider, model, route, failedOver,
                failures);
    }

    /**
     * Whether the text went to the sink as it was written (a model's answer). The offline answerer's text does not:
     * the caller first decides whether to show it (confidence), then streams what it shows.
     */
    public boolean streamed() {
        return !extractive;
    }

    public boolean isEmpty() {
        return text.isBlank();
    }
}
