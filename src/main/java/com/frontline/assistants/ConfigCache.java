package com.frontline.assistants;

import com.frontline.shared.TenantId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Published versions' configurations in this node's memory, keyed by (workspace, number). A published version never
 * changes, so an entry never goes stale; the key always names the workspace, so one workspace can never be served
 * another's configuration. At most {@value #CAPACITY} entries, the least recently used go first.
 */
@Component
class ConfigCache {

    static final int CAPACITY = 2048;

    record Key(TenantId tenant, int number) {
    }

    private final Map<Key, AssistantConfig> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, AssistantConfig> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The cached configuration, or the loaded one (cached when found). */
    Optional<AssistantConfig> get(TenantId tenant, int number, Supplier<Optional<AssistantConfig>> load) {
        Key key = new Key(tenant, number);
        synchronized (entries) {
            AssistantConfig cached = entries.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<AssistantConfig> loaded = load.get();
        loaded.ifPresent(config -> put(tenant, number, config));
        return loaded;
    }

    /**
     * Keeps the configuration once the transaction that read it has committed (a version read inside the transaction
     * that inserted it would be gone again after a rollback, and its number reused).
     */
    void put(TenantId tenant, int number, AssistantConfig config) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    keep(tenant, number, config);
                }
            });
        } else {
            keep(tenant, number, config);
        }
    }

    private void keep(TenantId tenant, int number, AssistantConfig config) {
        synchronized (entries) {
            entries.put(new Key(tenant, number), config);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
