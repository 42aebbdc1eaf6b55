package com.frontline.knowledge;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;

public record DocumentVersionView(int version, String documentType, long sizeBytes, String contentSha256,
                                  DocumentStatus status, @Nullable String statusDetail, @Nullable Integer chunkCount,
                                  int attempts, OffsetDateTime createdAt, @Nullable OffsetDateTime indexedAt) {
}
