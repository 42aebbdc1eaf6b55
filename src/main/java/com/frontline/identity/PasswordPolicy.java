package com.frontline.identity;

import org.jspecify.annotations.Nullable;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Rules for a new password, after NIST SP 800-63B: length rather than composition rules (no "one digit, one symbol"),
 * checked against very common passwords and the user's own e-mail address. Lengths count Unicode code points, so
 * every character counts once, whatever the script.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    /** Shorter parts of an e-mail address are too likely to occur by chance. */
    private static final int MIN_EMAIL_PART_LENGTH = 4;

    /**
     * Very common passwords of at least {@value #MIN_LENGTH} characters (shorter ones fail the length rule anyway),
     * from public breach-frequency lists, plus names of this service. Compared in lowercase.
     */
    private static final Set<String> COMMON = Set.of(
            "1234567890", "0123456789", "0987654321", "9876543210", "12345678910", "123456789012",
            "1234567891", "1234512345", "1234554321", "1122334455", "1212121212", "1231231231", "123123123123",
            "123456789a", "a123456789", "123456789q", "q123456789", "1234567890a", "abc1234567", "abcd123456",
            "abcdefghij", "a1b2c3d4e5", "1a2b3c4d5e",
            "qwertyuiop", "qwertyuiop1", "qwertyuiop123", "qwerty1234", "qwerty12345", "qwerty123456",
            "qwertyqwerty", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4t5", "q1w2e3r4t5y6", "1qaz2wsx3edc",
            "1qaz2wsx3edc4rfv", "qazwsxedcrfv", "zaq12wsxcde3", "zaq1zaq1zaq1", "qwerasdfzxcv", "asdfghjkl1",
            "asdfghjkl123", "asdfasdfasdf", "zxcvbnm123", "zxcvbnmasdf",
            "password12", "password123", "password1234", "password12345", "password123!", "password01",
            "password99", "password2023", "password2024", "password2025", "password2026", "passwordpassword",
            "passw0rd123", "p@ssw0rd123", "p@ssword123", "p@ssw0rd!!", "mypassword1", "mypassword123",
            "newpassword", "newpassword1", "changeme123", "changeme12", "letmein123", "letmein1234",
            "welcome123", "welcome1234", "welcome2024", "welcome2025", "welcome2026", "administrator",
            "administrator1", "admin12345", "admin123456", "adminadmin", "secret1234", "iloveyou12",
            "iloveyou123", "sunshine123", "princess123", "football123", "baseball123", "basketball",
            "basketball1", "superman123", "starwars123", "trustno1234", "dragon1234", "monkey1234", "master1234",
            "shadow1234", "michael123", "jennifer123", "charlie123", "liverpool1", "chocolate1", "computer123",
            "internet123", "whatever123", "qwerty123!", "summer2024", "summer2025", "winter2024", "winter2025",
            "frontline1", "frontline12", "frontline123", "frontline2025", "frontline2026");

    private PasswordPolicy() {
    }

    /**
     * Returns a user-facing message when {@code password} breaks a rule, else empty. {@code email} is the address of
     * the account the password is for; null or blank skips that rule.
     */
    public static Optional<String> check(@Nullable String password, @Nullable String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password of at least " + MIN_LENGTH + " characters.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH
                    + " characters for your password; a few unrelated words are long and easy to remember.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters for your password.");
        }
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of("Don't repeat a single character; choose a less predictable password.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("This password is too common and easy to guess; choose a less predictable one.");
        }
        for (String part : emailParts(email)) {
            if (lower.contains(part)) {
                return Optional.of("Don't include your email address in your password; choose something unrelated.");
            }
        }
        return Optional.empty();
    }

    /**
     * The local part of the address, also without a {@code +tag} and without separators ("jane.doe+news" gives
     * jane.doe+news, jane.doe and janedoe), in lowercase, keeping only those long enough to matter.
     */
    private static Set<String> emailParts(@Nullable String email) {
        Set<String> parts = new LinkedHashSet<>();
        if (email == null) {
            return parts;
        }
        int at = email.lastIndexOf('@');
        String local = (at >= 0 ? email.substring(0, at) : email).strip().toLowerCase(Locale.ROOT);
        int plus = local.indexOf('+');
        String untagged = plus >= 0 ? local.substring(0, plus) : local;
        for (String part : new String[] {local, untagged, untagged.replaceAll("[._-]", "")}) {
            if (part.codePointCount(0, part.length()) >= MIN_EMAIL_PART_LENGTH) {
                parts.add(part);
            }
        }
        return parts;
    }
}
