package com.frontline.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parsers read from files. An upload is staged in a temp file named after its workspace (so nothing on disk is
 * unlabelled) and deleted as soon as the work is done.
 */
public final class TenantFiles {

    private TenantFiles() {
    }

    @FunctionalInterface
    public interface FileWork<T, E extends Exception> {
        T apply(Path file) throws E;
    }

    public static <T, E extends Exception> T withTempFile(TenantId tenant, byte[] bytes, FileWork<T, E> work) throws E {
        Path tmp;
        try {
            tmp = Files.createTempFile("frontline-" + tenant + "-", ".upload");
            Files.write(tmp, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stage an upload for reading", e);
        }
        try {
            return work.apply(tmp);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover in the temp directory is harmless; the OS cleans it
            }
        }
    }
}
