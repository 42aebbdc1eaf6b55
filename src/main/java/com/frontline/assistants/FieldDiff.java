package com.frontline.assistants;

/**
 * One field of two configurations side by side, as people read it ("Persona · Fallback message": old → new).
 *
 * @param section the part of the configuration ("Persona", "Routing", "AI providers", "Search", "Confidence")
 * @param before  the value in the first (older) configuration
 * @param after   the value in the second
 */
public record FieldDiff(String section, String label, String before, String after) {

    public boolean changed() {
        return !before.equals(after);
    }
}
