package com.frontline.knowledge;

import com.frontline.shared.TenantId;

import java.time.Instant;
import java.util.UUID;

/**
 * Changes to a workspace's knowledge. Published in the transaction that stores the change and kept in PostgreSQL
 * (Spring Modulith's event publication log) until the background job has been scheduled.
 */
public final class KnowledgeEvents {

    private KnowledgeEvents() {
    }

    public record DocumentVersionUploaded(TenantId tenant, UUID documentId, int version) {
    }

    public record DocumentDeleted(TenantId tenant, UUID documentId) {
    }

    public record RebuildRequested(TenantId tenant) {
    }

    /** The document became public or internal; {@code at} tells two changes of the same document apart. */
    public record VisibilityChanged(TenantId tenant, UUID documentId, Instant at) {
    }

    /** An admin renamed the document: its passages in the index carry the old title until re-indexed. */
    public record DocumentRenamed(TenantId tenant, UUID documentId) {
    }
}
