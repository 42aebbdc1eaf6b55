package com.frontline.llm.internal;

import com.frontline.platform.DataDirectories;
import com.frontline.platform.EmbeddedProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the master key comes from: {@code FRONTLINE_MASTER_KEY} (base64 of 32 bytes). Without it the app refuses to
 * start under {@code prod}; elsewhere it generates one into {@code <data dir>/llm/master.key}, once, and warns.
 */
final class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private MasterKey() {
    }

    static byte[] load(@Nullable String configured, boolean production, EmbeddedProperties embedded) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.strip(), "FRONTLINE_MASTER_KEY");
        }
        if (production) {
            throw new IllegalStateException("FRONTLINE_MASTER_KEY is not set. Under the prod profile the app needs it "
                    + "to encrypt AI provider keys: set it to base64 of 32 random bytes (openssl rand -base64 32).");
        }
        Path file = DataDirectories.resolve(embedded, "llm").resolve("master.key");
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the directory's permissions apply
            }
            log.warn("FRONTLINE_MASTER_KEY is not set: generated a master key for AI provider API keys in {}. "
                    + "Keep that file (or set FRONTLINE_MASTER_KEY to its content); without it stored keys cannot be "
                    + "decrypted. Production (the prod profile) refuses to start without FRONTLINE_MASTER_KEY.", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the master key file " + file, e);
        }
    }

    static byte[] decode(String base64, String origin) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(origin + " is not valid base64.");
        }
        if (key.length != 32) {
            throw new IllegalStateException(origin + " must be base64 of 32 bytes, not " + key.length + " bytes.");
        }
        return key;
    }
}
