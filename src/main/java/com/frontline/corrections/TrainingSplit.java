package com.frontline.corrections;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

/**
 * The training export's 80/20 split, decided by a hash of the correction's id alone: a correction stays in its split
 * across runs and as other corrections come and go, so a validation case never leaks into a later training set.
 */
public enum TrainingSplit {
    TRAIN,
    VALIDATION;

    /** Out of 100 hash buckets, how many go to training. */
    static final int TRAIN_PERCENT = 80;

    public static TrainingSplit of(UUID correctionId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(correctionId.toString().getBytes(StandardCharsets.US_ASCII));
            long bucket = (((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8)
                    | (hash[3] & 0xffL)) % 100;
            return bucket < TRAIN_PERCENT ? TRAIN : VALIDATION;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** {@code train} or {@code validation}, as in the export's address. */
    public static TrainingSplit parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "train" -> TRAIN;
            case "validation" -> VALIDATION;
            default -> throw new IllegalArgumentException("Unknown split " + value);
        };
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }
}
