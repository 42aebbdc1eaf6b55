package com.frontline.knowledge.parsing;

import java.util.ArrayList;
import java.util.List;

/** Row text shared by the HTML and DOCX extractors. */
final class Tables {

    private Tables() {
    }

    /**
     * "Plan: Basic; Price: 10 €" when there is a header, so that a row keeps its meaning when it lands in a chunk
     * without the header row; "Basic | 10 €" otherwise. Empty cells are left out.
     */
    static String rowText(List<String> header, List<String> cells) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i);
            if (value.isBlank()) {
                continue;
            }
            String name = i < header.size() ? header.get(i) : "";
            parts.add(name.isBlank() || name.equals(value) ? value : name + ": " + value);
        }
        return String.join(header.isEmpty() ? " | " : "; ", parts);
    }
}
