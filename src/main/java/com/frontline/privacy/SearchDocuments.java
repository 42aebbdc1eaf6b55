package com.frontline.privacy;

import com.frontline.shared.TenantId;

import java.util.Collection;
import java.util.UUID;

/** The Elasticsearch part of an erasure; throws when Elasticsearch cannot be reached or refuses. */
interface SearchDocuments {

    /** Deletes the documents (all their chunks) with these ids. */
    void delete(TenantId tenant, Collection<UUID> documentIds);

    /** Deletes every document of the workspace. */
    void deleteTenant(TenantId tenant);
}
