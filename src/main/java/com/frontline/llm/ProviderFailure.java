package com.frontline.llm;

/**
 * A provider that failed (or was skipped) before another hop answered, for the admin's eyes only (the playground).
 *
 * @param provider the provider as the admin named it, e.g. "OpenAI (Main)"
 * @param problem  what went wrong, in a sentence that quotes no upstream reply
 */
public record ProviderFailure(String provider, String problem) {
}
