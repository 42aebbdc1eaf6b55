package com.frontline.search.web;

import com.frontline.search.Fusion;
import com.frontline.search.RetrievalSettings;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The settings form as typed: strings, so that a wrong value can be shown back with its message. */
record SearchSettingsForm(@Nullable String fusion, @Nullable String bm25Weight, @Nullable String topK,
        @Nullable String candidates, @Nullable String minScore) {

    static SearchSettingsForm of(RetrievalSettings s) {
        return new SearchSettingsForm(s.fusion().name(), number(s.bm25Weight()), Integer.toString(s.topK()),
                Integer.toString(s.candidates()), number(s.minScore()));
    }

    /** The settings, or a message per field that cannot be used. */
    sealed interface Parsed permits Valid, Invalid {
    }

    record Valid(RetrievalSettings settings) implements Parsed {
    }

    record Invalid(Map<String, String> errors) implements Parsed {
    }

    Parsed parse() {
        Map<String, String> errors = new LinkedHashMap<>();
        Fusion method = null;
        try {
            method = Fusion.valueOf(text(fusion).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("fusion", "Choose weighted sum or reciprocal rank fusion.");
        }
        Double weight = decimal(bm25Weight, 0, 1, "bm25Weight",
                "Enter a number from 0 to 1, such as 0.3 (0 = meaning only, 1 = words only).", errors);
        Integer k = whole(topK, 1, RetrievalSettings.MAX_TOP_K, "topK",
                "Enter a whole number from 1 to " + RetrievalSettings.MAX_TOP_K + ".", errors);
        Integer pool = whole(candidates, 1, RetrievalSettings.MAX_CANDIDATES, "candidates",
                "Enter a whole number up to " + RetrievalSettings.MAX_CANDIDATES + ".", errors);
        Double threshold = decimal(minScore, 0, 1, "minScore", "Enter a number from 0 to 1, such as 0.1.", errors);
        if (k != null && pool != null && pool < k) {
            errors.put("candidates", "Use at least as many candidates as passages (" + k + "), or fewer passages.");
        }
        if (!errors.isEmpty() || method == null || weight == null || k == null || pool == null || threshold == null) {
            return new Invalid(errors);
        }
        return new Valid(new RetrievalSettings(method, weight, k, pool, threshold));
    }

    private static @Nullable Double decimal(@Nullable String value, double min, double max, String field,
            String message, Map<String, String> errors) {
        try {
            // a decimal comma, as typed in much of Europe, is fine too
            double number = Double.parseDouble(text(value).replace(',', '.'));
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, message);
        return null;
    }

    private static @Nullable Integer whole(@Nullable String value, int min, int max, String field, String message,
            Map<String, String> errors) {
        try {
            int number = Integer.parseInt(text(value));
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, message);
        return null;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }
}
