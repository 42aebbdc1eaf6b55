package com.frontline.tenants;

public enum Tone {
    FRIENDLY("Friendly", "Warm and personal, uses first names, a light touch."),
    FORMAL("Formal", "Polite and precise, no slang, complete sentences."),
    CONCISE("Concise", "Short answers that get to the point, bullet points where they help."),
    CUSTOM("Custom", "Your own instructions for how the assistant writes.");

    private final String label;
    private final String description;

    Tone(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
