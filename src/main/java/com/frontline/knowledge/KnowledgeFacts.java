package com.frontline.knowledge;

import com.frontline.search.IndexedChunk;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.TextEmbedder;
import com.frontline.search.Visibility;
import com.frontline.shared.Hashes;
import com.frontline.shared.TenantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Facts other modules hand to knowledge to make them searchable, today the accounts module's KPI facts ("NPS of Acme
 * is 45%"). The knowledge module owns every write to the search index: it stores the facts with their embeddings in
 * PostgreSQL, indexes them, and "Rebuild index" restores them with the documents. Account facts are internal data:
 * only the workspace's people find them (playground, inbox, agent assist), never the website widget.
 */
@Service
public class KnowledgeFacts {

    private static final int EMBED_BATCH = 32;

    /**
     * The facts about one account as of one data version, each text one passage.
     *
     * @param version the account's data version; facts of an older version than those stored are ignored
     */
    public record AccountFacts(UUID accountId, int version, String accountName, List<String> texts) {

        public AccountFacts {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(accountName, "accountName");
            texts = List.copyOf(texts);
        }
    }

    private final FactRepository facts;
    private final TextEmbedder embedder;
    private final KnowledgeIndex index;
    private final TransactionTemplate tx;

    KnowledgeFacts(FactRepository facts, TextEmbedder embedder, KnowledgeIndex index, TransactionTemplate tx) {
        this.facts = facts;
        this.embedder = embedder;
        this.index = index;
        this.tx = tx;
    }

    /**
     * Replaces each account's facts with the given ones, as internal passages: stored, then indexed, then the
     * account's facts of other versions leave the index. Safe to call again with the same facts (a retried job).
     *
     * @throws com.frontline.search.IndexingFailedException if Elasticsearch refused some (they stay stored, and a
     *                                                      retry or "Rebuild index" indexes them)
     */
    public void replaceAccountFacts(TenantId tenant, List<AccountFacts> accounts) {
        if (accounts.isEmpty()) {
            return;
        }
        // identity keys: two equal sheets in one call are still two entries
        Map<AccountFacts, List<FactRepository.StoredFact>> prepared = embed(tenant, accounts);
        List<AccountFacts> stored = tx.execute(s -> {
            List<AccountFacts> kept = new ArrayList<>();
            prepared.forEach((account, rows) -> {
                int newest = facts.storedVersion(tenant, IndexedChunk.ACCOUNT, account.accountId()).orElse(0);
                if (newest <= account.version()) {
                    facts.replace(tenant, IndexedChunk.ACCOUNT, account.accountId(), rows);
                    kept.add(account);
                }
            });
            return kept;
        });
        List<IndexedChunk> chunks = new ArrayList<>();
        Map<Integer, List<UUID>> byVersion = new LinkedHashMap<>();
        for (AccountFacts account : Objects.requireNonNull(stored)) {
            prepared.get(account).forEach(f -> chunks.add(toIndexed(tenant, f)));
            byVersion.computeIfAbsent(account.version(), v -> new ArrayList<>()).add(account.accountId());
        }
        index.index(tenant, chunks);
        byVersion.forEach((version, ids) -> index.deleteOtherVersions(tenant, ids, version));
    }

    private Map<AccountFacts, List<FactRepository.StoredFact>> embed(TenantId tenant, List<AccountFacts> accounts) {
        Map<String, String> textByHash = new LinkedHashMap<>();
        for (AccountFacts account : accounts) {
            for (String text : account.texts()) {
                textByHash.putIfAbsent(hash(text), text);
            }
        }
        Map<String, float[]> vectors = new HashMap<>(facts.embeddingsByHash(tenant, textByHash.keySet()));
        List<String> missing = textByHash.keySet().stream().filter(h -> !vectors.containsKey(h)).toList();
        for (int i = 0; i < missing.size(); i += EMBED_BATCH) {
            List<String> batch = missing.subList(i, Math.min(missing.size(), i + EMBED_BATCH));
            List<float[]> embedded = embedder.embedAll(batch.stream().map(textByHash::get).toList());
            for (int j = 0; j < batch.size(); j++) {
                vectors.put(batch.get(j), embedded.get(j));
            }
        }
        Map<AccountFacts, List<FactRepository.StoredFact>> prepared = new IdentityHashMap<>();
        for (AccountFacts account : accounts) {
            List<FactRepository.StoredFact> rows = new ArrayList<>();
            for (int i = 0; i < account.texts().size(); i++) {
                String text = account.texts().get(i);
                String sha = hash(text);
                rows.add(new FactRepository.StoredFact(chunkId(account.accountId(), account.version(), i),
                        IndexedChunk.ACCOUNT, account.accountId(), account.version(), i, account.accountName(),
                        headingPath(account), text, sha, vectors.get(sha), Visibility.INTERNAL));
            }
            prepared.put(account, rows);
        }
        return prepared;
    }

    /** The same ids the accounts module used when it indexed facts itself, so its old chunks are overwritten. */
    static UUID chunkId(UUID accountId, int version, int ordinal) {
        return UUID.nameUUIDFromBytes((accountId + ":" + version + ":" + ordinal).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> headingPath(AccountFacts account) {
        return List.of("Accounts", account.accountName());
    }

    private static String hash(String text) {
        return Hashes.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static IndexedChunk toIndexed(TenantId tenant, FactRepository.StoredFact f) {
        return new IndexedChunk(tenant, f.sourceId(), f.version(), f.id(), f.sourceType(), f.visibility(), f.title(),
                f.headingPath(), f.text(), f.embedding(), null);
    }
}
