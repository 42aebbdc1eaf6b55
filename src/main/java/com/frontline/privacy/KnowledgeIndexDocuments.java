package com.frontline.privacy;

import com.frontline.search.KnowledgeIndex;
import com.frontline.shared.TenantId;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.UUID;

/**
 * Conversations are not indexed; what an erasure removes from Elasticsearch are the search documents of deleted
 * corrections (indexed as knowledge), and for a whole workspace all its chunks (one shared index, tenant-routed).
 */
@Component
class KnowledgeIndexDocuments implements SearchDocuments {

    private final KnowledgeIndex index;

    KnowledgeIndexDocuments(KnowledgeIndex index) {
        this.index = index;
    }

    @Override
    public void delete(TenantId tenant, Collection<UUID> documentIds) {
        for (UUID id : documentIds) {
            index.deleteDocument(tenant, id);
        }
    }

    @Override
    public void deleteTenant(TenantId tenant) {
        index.deleteTenant(tenant);
    }
}
