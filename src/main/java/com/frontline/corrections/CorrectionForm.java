package com.frontline.corrections;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a teammate writes: the question as customers ask it, the right answer, and optionally a source link (only
 * shown, never fetched by the server) and a category.
 */
public record CorrectionForm(@Nullable String question, @Nullable String answer, @Nullable String sourceUrl,
                             @Nullable String category) {

    public static final int MAX_TEXT = 5000;
    public static final int MAX_URL = 2000;
    public static final int MAX_CATEGORY = 100;

    public static CorrectionForm empty() {
        return new CorrectionForm("", "", "", "");
    }

    /** One message per field a person must fix; empty when the form can be saved. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        text("question", question, "the question customers ask", errors);
        text("answer", answer, "the right answer", errors);
        String url = blankToNull(sourceUrl);
        if (url != null && !isWebAddress(url)) {
            errors.put("sourceUrl", "Enter a web address starting with http:// or https://, or leave it empty.");
        }
        String cat = blankToNull(category);
        if (cat != null && cat.length() > MAX_CATEGORY) {
            errors.put("category", "Keep the category to " + MAX_CATEGORY + " characters.");
        }
        return errors;
    }

    private static void text(String field, @Nullable String value, String what, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "Write " + what + ".");
        } else if (value.strip().length() > MAX_TEXT) {
            errors.put(field, "Keep it to " + MAX_TEXT + " characters; this is " + value.strip().length() + ".");
        }
    }

    static boolean isWebAddress(String url) {
        if (url.length() > MAX_URL || url.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    String cleanQuestion() {
        return question == null ? "" : question.strip();
    }

    String cleanAnswer() {
        return answer == null ? "" : answer.strip();
    }

    @Nullable String cleanSourceUrl() {
        return blankToNull(sourceUrl);
    }

    @Nullable String cleanCategory() {
        return blankToNull(category);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
