package com.frontline.privacy;

import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One erasure of conversations: counts only, never the personal data. PENDING while search documents are left to
 * delete from Elasticsearch.
 */
public record Erasure(TenantId tenant, UUID id, Kind kind, Status status, int conversations, int messages,
                      int corrections, List<UUID> searchDocuments, int attempts, @Nullable String lastError,
                      OffsetDateTime createdAt, @Nullable OffsetDateTime completedAt) {

    public enum Kind { CUSTOMER, RETENTION }

    public enum Status { PENDING, DONE }

    public boolean pending() {
        return status == Status.PENDING;
    }
}
