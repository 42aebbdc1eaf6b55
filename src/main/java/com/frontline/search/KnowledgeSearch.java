package com.frontline.search;

import com.frontline.audit.AuditLog;
import com.frontline.search.internal.HybridRetriever;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.TenantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Searches a workspace's knowledge for the passages that best answer a question: BM25 and dense (kNN) retrieval
 * from Elasticsearch, both filtered by the tenant, fused in Java, with the workspace's saved
 * {@link RetrievalSettings}. {@link PassageSource} beans are consulted first.
 */
@Service
public class KnowledgeSearch {

    /** Longer queries are cut to this many characters (at a word boundary), not refused. */
    public static final int MAX_QUERY_CHARS = HybridRetriever.MAX_QUERY_CHARS;

    private final HybridRetriever retriever;
    private final RetrievalSettingsRepository settings;
    private final AuditLog audit;

    KnowledgeSearch(HybridRetriever retriever, RetrievalSettingsRepository settings, AuditLog audit) {
        this.retriever = retriever;
        this.settings = settings;
        this.audit = audit;
    }

    /**
     * With the workspace's saved settings, among the passages the audience may see.
     *
     * @return at most {@code topK} passages, best first; none for a blank query
     * @throws SearchUnavailableException if Elasticsearch cannot be searched
     */
    public List<Passage> search(TenantId tenant, Audience audience, String query) {
        return search(tenant, audience, query, settings(tenant));
    }

    /**
     * With the given settings (for example unsaved ones being tried out).
     *
     * @throws SearchUnavailableException if Elasticsearch cannot be searched
     */
    public List<Passage> search(TenantId tenant, Audience audience, String query, RetrievalSettings settings) {
        return retriever.search(tenant, audience, query, settings);
    }

    /** The workspace's saved settings, or {@link RetrievalSettings#defaults()} if it never saved any. */
    @Transactional(readOnly = true)
    public RetrievalSettings settings(TenantId tenant) {
        return settings.find(tenant).orElseGet(RetrievalSettings::defaults);
    }

    /** True while the workspace follows the defaults (which may improve with new releases). */
    @Transactional(readOnly = true)
    public boolean usesDefaults(TenantId tenant) {
        return settings.find(tenant).isEmpty();
    }

    /** Saves the workspace's settings and records the change in the audit log. */
    @Transactional
    public void saveSettings(CurrentTenant tenant, RetrievalSettings changed) {
        Optional<RetrievalSettings> before = settings.find(tenant.id());
        settings.upsert(tenant.id(), changed, tenant.userId());
        audit.record(tenant.id(), tenant.actor(), "search.settings_updated", null,
                before.orElseGet(RetrievalSettings::defaults), changed);
    }

    /** Drops the workspace's own settings, so that it follows the defaults again; audited if it had any. */
    @Transactional
    public void resetSettings(CurrentTenant tenant) {
        Optional<RetrievalSettings> before = settings.find(tenant.id());
        if (settings.delete(tenant.id())) {
            audit.record(tenant.id(), tenant.actor(), "search.settings_reset", null, before.orElse(null),
                    RetrievalSettings.defaults());
        }
    }
}
