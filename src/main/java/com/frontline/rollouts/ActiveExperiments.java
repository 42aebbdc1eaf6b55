package com.frontline.rollouts;

import com.frontline.shared.TenantId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each workspace's RUNNING experiment as the version selector needs it (its id, the split in force and each arm's
 * version), kept in this node's memory for {@link RolloutsProperties#selectorCacheTtl()} (5 s): the selector runs
 * once per widget answer and must not query the database each time. Changes made on this node evict the workspace's
 * entry when they commit; other nodes follow within the TTL, so for up to 5 s after a rollback another node may
 * still serve the candidate to the visitors assigned to it. Keyed by workspace, never shared between workspaces.
 */
@Component
class ActiveExperiments {

    /** Entries kept at most; past it the cache starts over (one small entry per workspace with widget traffic). */
    static final int MAX_ENTRIES = 20_000;

    /** A running experiment: which arm a visitor gets, and that arm's version. */
    record Running(UUID id, Split split, Map<String, Integer> versions) {

        int versionFor(TenantId tenant, String visitorKey) {
            return versions.get(Assignment.arm(tenant, id, visitorKey, split));
        }
    }

    private record Entry(long loadedAtNanos, Optional<Running> running) {
    }

    private final ExperimentRepository repository;
    private final TransactionTemplate readOnly;
    private final long ttlNanos;
    private final Map<TenantId, Entry> entries = new ConcurrentHashMap<>();

    ActiveExperiments(ExperimentRepository repository, TransactionTemplate tx, RolloutsProperties properties) {
        this.repository = repository;
        this.readOnly = new TransactionTemplate(tx.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.ttlNanos = properties.selectorCacheTtl().toNanos();
    }

    /** The workspace's running experiment, from this node's memory when it is fresh enough. */
    Optional<Running> running(TenantId tenant) {
        long now = System.nanoTime();
        Entry e = entries.get(tenant);
        if (e != null && now - e.loadedAtNanos() < ttlNanos) {
            return e.running();
        }
        Optional<Running> loaded = load(tenant);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(tenant, new Entry(now, loaded));
        return loaded;
    }

    /** Forgets the workspace's entry now, and again when the current transaction commits. */
    void evict(TenantId tenant) {
        entries.remove(tenant);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    entries.remove(tenant);
                }
            });
        }
    }

    private Optional<Running> load(TenantId tenant) {
        return readOnly.execute(s -> repository.running(tenant).map(e -> {
            Map<String, Integer> versions = new ConcurrentHashMap<>();
            e.bucketOrder().forEach(a -> versions.put(a.name(), a.version()));
            return new Running(e.id(), e.split(), Map.copyOf(versions));
        }));
    }
}
