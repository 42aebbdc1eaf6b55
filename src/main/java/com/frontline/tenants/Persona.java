package com.frontline.tenants;

import org.jspecify.annotations.Nullable;

/** How the assistant presents itself and speaks to a workspace's customers. */
public record Persona(String assistantName, Tone tone, @Nullable String customInstructions, String greeting,
                      String fallbackMessage, String language) {

    public static Persona defaultsFor(String companyName) {
        String name = companyName.length() > 40 ? "Assistant" : companyName + " Assistant";
        return new Persona(name, Tone.FRIENDLY, null,
                "Hi! I'm " + name + ". How can I help you today?",
                "I'm not sure about that one. Would you like me to connect you with someone from our team?",
                "en");
    }
}
