package com.frontline.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Normalises e-mail addresses (trimmed, lowercased) and rejects what cannot be one. */
public final class EmailAddresses {

    // Deliberately simple: one @, a dot in the domain, no spaces. Full RFC 5322 parsing accepts addresses no mail
    // server delivers to, and the invite and sign-up flows only need "can we plausibly write to this".
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private EmailAddresses() {
    }

    public static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<String> validate(String normalized) {
        if (normalized.isEmpty()) {
            return Optional.of("Enter an e-mail address.");
        }
        if (normalized.length() > 254 || !SHAPE.matcher(normalized).matches()) {
            return Optional.of("Enter a valid e-mail address, like name@company.com.");
        }
        return Optional.empty();
    }
}
