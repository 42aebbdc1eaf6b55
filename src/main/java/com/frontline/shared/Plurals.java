package com.frontline.shared;

import java.util.Locale;

/**
 * Counts with their noun, "1 document", "3 documents", "1,204 passages", instead of "document(s)". The portal's
 * pages are English, so English rules written here suffice; a library such as ICU4J (some 14 MB) pays off only once
 * the pages are translated. In templates: {@code ${#plural.of(n, 'document')}}.
 */
public final class Plurals {

    private Plurals() {
    }

    /** The count and the noun, the noun in its regular English plural unless the count is one. */
    public static String of(long count, String singular) {
        return of(count, singular, plural(singular));
    }

    /** The count and the noun, for nouns with an irregular plural ("person", "people"). */
    public static String of(long count, String singular, String plural) {
        return String.format(Locale.ENGLISH, "%,d %s", count, count == 1 ? singular : plural);
    }

    /** The regular English plural of a noun or a phrase ending in one ("pending invitation"). */
    static String plural(String singular) {
        String lower = singular.toLowerCase(Locale.ROOT);
        if (lower.matches(".*[^aeiou]y")) {
            return singular.substring(0, singular.length() - 1) + "ies";
        }
        if (lower.matches(".*(s|x|z|ch|sh)")) {
            return singular + "es";
        }
        return singular + "s";
    }
}
