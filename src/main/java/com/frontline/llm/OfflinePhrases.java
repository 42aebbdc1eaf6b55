package com.frontline.llm;

import com.frontline.llm.internal.OfflineAnswerer;
import com.frontline.tenants.Persona;

import java.util.List;

/**
 * The fixed lines the offline answerer puts around its quotes for a persona (its tone and language): the answer
 * evaluation removes them before comparing an answer's words with a reference answer.
 */
public final class OfflinePhrases {

    private OfflinePhrases() {
    }

    /** The opening and closing lines, those the tone has (a concise persona has no closing line). */
    public static List<String> of(Persona persona) {
        OfflineAnswerer.Phrases phrases = OfflineAnswerer.Phrases.of(persona.tone(), persona.language());
        return java.util.stream.Stream.of(phrases.opening(), phrases.closing()).filter(s -> !s.isEmpty()).toList();
    }
}
