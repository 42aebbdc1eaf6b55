package com.frontline.tenants;

import org.jspecify.annotations.Nullable;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The workspace address ("slug") that appears in URLs such as {@code /w/acme-support}: 3 to 40 characters of
 * lowercase a-z, digits and single hyphens, starting and ending with a letter or digit, and not one of the words the
 * portal uses for its own paths. Matches the {@code tenants_slug_format} check constraint.
 */
public final class Slugs {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 40;

    /** Words the portal uses for its own paths and host names; no workspace may take them. */
    public static final Set<String> RESERVED = Set.of(
            "admin", "api", "app", "www", "login", "logout", "signup", "static", "assets", "widget", "w",
            "onboarding", "invites", "settings", "actuator", "error", "help", "support", "status");

    /** Appended to a suggestion that is too short or reserved. */
    private static final String PADDING = "workspace";

    private static final Pattern ALLOWED_CHARACTERS = Pattern.compile("[a-z0-9-]+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG_CHARACTERS = Pattern.compile("[^a-z0-9]+");

    /** Latin letters that Unicode decomposition does not reduce to ASCII. */
    private static final Map<String, String> LETTERS_WITHOUT_DECOMPOSITION = Map.ofEntries(
            Map.entry("ß", "ss"), Map.entry("ẞ", "ss"), Map.entry("æ", "ae"), Map.entry("Æ", "ae"),
            Map.entry("œ", "oe"), Map.entry("Œ", "oe"), Map.entry("ø", "o"), Map.entry("Ø", "o"),
            Map.entry("đ", "d"), Map.entry("Đ", "d"), Map.entry("ð", "d"), Map.entry("Ð", "d"),
            Map.entry("ł", "l"), Map.entry("Ł", "l"), Map.entry("þ", "th"), Map.entry("Þ", "th"),
            Map.entry("ı", "i"), Map.entry("ħ", "h"), Map.entry("Ħ", "h"));

    private Slugs() {
    }

    /** Returns a user-facing message when {@code slug} is not a valid workspace address, else empty. */
    public static Optional<String> validate(@Nullable String slug) {
        if (slug == null || slug.isBlank()) {
            return Optional.of("Enter a workspace address of 3 to 40 characters, for example acme-support.");
        }
        if (slug.length() < MIN_LENGTH) {
            return Optional.of("Make the workspace address at least 3 characters long.");
        }
        if (slug.length() > MAX_LENGTH) {
            return Optional.of("Shorten the workspace address to at most 40 characters.");
        }
        if (!ALLOWED_CHARACTERS.matcher(slug).matches()) {
            return Optional.of("Use only lowercase letters a-z, digits and hyphens in the workspace address.");
        }
        if (slug.startsWith("-") || slug.endsWith("-")) {
            return Optional.of("Start and end the workspace address with a letter or digit, not a hyphen.");
        }
        if (slug.contains("--")) {
            return Optional.of("Use single hyphens only; the workspace address cannot contain two in a row.");
        }
        if (RESERVED.contains(slug)) {
            return Optional.of("The address '" + slug + "' is reserved; choose a different workspace address.");
        }
        return Optional.empty();
    }

    /**
     * A valid workspace address derived from a company name: accents transliterated ("Ça Va Café &amp; Co." gives
     * {@code ca-va-cafe-co}), everything else that is not a letter or digit turned into single hyphens, cut at a
     * word boundary when longer than 40 characters, and padded with {@code -workspace} when too short or reserved.
     * Names with no Latin letters or digits at all give {@code workspace}. The result is not checked for uniqueness.
     */
    public static String suggest(@Nullable String companyName) {
        String ascii = companyName == null ? "" : toAscii(companyName);
        String slug = trimHyphens(NOT_SLUG_CHARACTERS.matcher(ascii).replaceAll("-"));
        slug = shorten(slug);
        if (slug.isEmpty()) {
            return PADDING;
        }
        if (slug.length() < MIN_LENGTH || RESERVED.contains(slug)) {
            slug = slug + "-" + PADDING;
        }
        return slug;
    }

    private static String toAscii(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder mapped = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            String letter = Character.toString(cp);
            mapped.append(LETTERS_WITHOUT_DECOMPOSITION.getOrDefault(letter, letter));
        });
        return COMBINING_MARKS.matcher(mapped).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static String shorten(String slug) {
        if (slug.length() <= MAX_LENGTH) {
            return slug;
        }
        // Prefer to cut between words, unless that would leave too little.
        int lastHyphen = slug.lastIndexOf('-', MAX_LENGTH);
        String cut = lastHyphen >= MAX_LENGTH / 2 ? slug.substring(0, lastHyphen) : slug.substring(0, MAX_LENGTH);
        return trimHyphens(cut);
    }

    private static String trimHyphens(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }
}
