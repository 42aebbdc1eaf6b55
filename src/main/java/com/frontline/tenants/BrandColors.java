package com.frontline.tenants;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workspace's brand colour, stored as {@code #rrggbb} in lowercase (the {@code brandings.primary_color} check), and
 * the text colour that reads best on it.
 */
public final class BrandColors {

    public static final String WHITE = "#ffffff";
    /** Near-black (Tailwind gray-900), softer than pure black. */
    public static final String DARK = "#111827";

    private static final Pattern SHORT = Pattern.compile("#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])");
    private static final Pattern LONG = Pattern.compile("#?([0-9a-fA-F]{6})");

    private BrandColors() {
    }

    /**
     * {@code #rrggbb} in lowercase from {@code #RGB}, {@code #RRGGBB} or {@code RRGGBB} (either case, surrounding
     * whitespace ignored); empty for anything else, including names such as {@code red}, {@code rgb(...)}, alpha
     * channels and a three-digit code without {@code #}.
     */
    public static Optional<String> normalize(@Nullable String input) {
        if (input == null) {
            return Optional.empty();
        }
        String text = input.strip();
        Matcher shortForm = SHORT.matcher(text);
        if (shortForm.matches()) {
            String r = shortForm.group(1);
            String g = shortForm.group(2);
            String b = shortForm.group(3);
            return Optional.of(("#" + r + r + g + g + b + b).toLowerCase(Locale.ROOT));
        }
        Matcher longForm = LONG.matcher(text);
        if (longForm.matches()) {
            return Optional.of("#" + longForm.group(1).toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    /** Returns a user-facing message when {@code input} is not a colour {@link #normalize} accepts, else empty. */
    public static Optional<String> validate(@Nullable String input) {
        return normalize(input).isPresent()
                ? Optional.empty()
                : Optional.of("Enter the brand colour as a hex code such as #1a73e8.");
    }

    /**
     * {@link #WHITE} or {@link #DARK}, whichever has the higher WCAG contrast ratio against the brand colour, for text
     * set on it.
     *
     * @throws IllegalArgumentException when {@code hex} is not a colour {@link #normalize} accepts
     */
    public static String contrastText(String hex) {
        return contrastRatio(hex, WHITE) >= contrastRatio(hex, DARK) ? WHITE : DARK;
    }

    /**
     * The WCAG 2 contrast ratio of two colours, from 1 (identical luminance) to 21 (black on white); symmetric.
     *
     * @throws IllegalArgumentException when either is not a colour {@link #normalize} accepts
     */
    public static double contrastRatio(String a, String b) {
        double la = relativeLuminance(a);
        double lb = relativeLuminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double relativeLuminance(String colour) {
        String hex = normalize(colour)
                .orElseThrow(() -> new IllegalArgumentException("Not a hex colour: " + colour));
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff) + 0.0722 * linear(rgb & 0xff);
    }

    /** sRGB channel to linear light, per the WCAG 2 definition of relative luminance. */
    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
