package com.frontline.tenants;

import com.frontline.shared.Role;
import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.UUID;

public record Invitation(UUID id, String email, Role role, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                         @Nullable OffsetDateTime acceptedAt, @Nullable OffsetDateTime revokedAt) {

    public enum Status {
        PENDING("Pending"), ACCEPTED("Accepted"), REVOKED("Revoked"), EXPIRED("Expired");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Status status(OffsetDateTime now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt.isBefore(now) ? Status.EXPIRED : Status.PENDING;
    }

    public Status status() {
        return status(OffsetDateTime.now());
    }
}
