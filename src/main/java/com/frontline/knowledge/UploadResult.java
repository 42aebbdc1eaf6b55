package com.frontline.knowledge;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** What happened to one uploaded file: queued as a document version, or refused with a reason. */
public record UploadResult(String filename, boolean accepted, String message, @Nullable UUID documentId,
                          int version) {

    static UploadResult refused(String filename, String message) {
        return new UploadResult(filename, false, message, null, 0);
    }
}
