package com.frontline.knowledge;

import com.frontline.search.Visibility;
import com.frontline.shared.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Row2;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.frontline.db.knowledge.Tables.DOCUMENTS;
import static com.frontline.db.knowledge.Tables.DOCUMENT_VERSIONS;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.when;

/**
 * Leases on waiting document versions, so that one ingestion job can take on many documents of a workspace at once
 * and no two jobs take the same one. A lease names its holder (the job's task instance) and runs out: a job that
 * died lets go of its documents by itself, and a retried job takes back its own at once.
 */
@Repository
class IngestionClaimRepository {

    /** The statuses of a version that is waiting or being worked on. */
    static final List<String> PENDING = List.of(DocumentStatus.QUEUED.name(), DocumentStatus.PARSING.name(),
            DocumentStatus.CHUNKING.name(), DocumentStatus.EMBEDDING.name(), DocumentStatus.INDEXING.name());

    private final DSLContext dsl;

    IngestionClaimRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A version a batch has taken on, with what it needs to read the file. */
    record Claimed(UUID documentId, int version, long sizeBytes, @Nullable String filename) {
    }

    /**
     * Claims up to {@code max} waiting versions of the workspace (its own {@code first} before the oldest others),
     * skipping versions another job holds or has locked this instant, and stopping before {@code maxBytes} of files
     * (the first is always taken). Claimed versions count an attempt and show as being parsed. Call in a transaction.
     *
     * @return the claimed versions, {@code first} first; none if {@code first} cannot be claimed (finished, deleted,
     * or held by another job)
     */
    List<Claimed> claim(TenantId tenant, String holder, UUID first, int firstVersion, int max, long maxBytes,
                        Duration lease) {
        var v = DOCUMENT_VERSIONS;
        OffsetDateTime now = OffsetDateTime.now();
        Condition claimable = v.TENANT_ID.eq(tenant.value())
                .and(v.STATUS.in(PENDING))
                .and(v.CLAIMED_UNTIL.isNull().or(v.CLAIMED_UNTIL.lt(now)).or(v.CLAIMED_BY.eq(holder)));
        // the own version first, by its key: most jobs of a big upload find it in another job's batch, and must
        // then neither lock nor claim anything else
        // @formatter:off
        var own = dsl.select(v.DOCUMENT_ID, v.VERSION, v.SIZE_BYTES)
                .from(v)
                .where(claimable)
                .and(v.DOCUMENT_ID.eq(first))
                .and(v.VERSION.eq(firstVersion))
                .forUpdate().of(v) // waits for another job's claim that is looking at it, then sees its outcome
                .fetchOptional();
        if (own.isEmpty()) {
            return List.of(); // done, deleted, or in another job's batch: claim nothing
        }
        var candidates = new ArrayList<>(List.of(own.get()));
        candidates.addAll(dsl.select(v.DOCUMENT_ID, v.VERSION, v.SIZE_BYTES)
                .from(v)
                .where(claimable)
                .and(row(v.DOCUMENT_ID, v.VERSION).ne(first, firstVersion))
                .orderBy(v.CREATED_AT, v.DOCUMENT_ID, v.VERSION)
                .limit(max - 1)
                .forUpdate().of(v).skipLocked()
                .fetch());
        // @formatter:on
        List<Claimed> taken = new ArrayList<>();
        long bytes = 0;
        for (var r : candidates) {
            long size = r.get(v.SIZE_BYTES);
            if (!taken.isEmpty() && bytes + size > maxBytes) {
                continue; // a smaller one may still fit
            }
            bytes += size;
            taken.add(new Claimed(r.get(v.DOCUMENT_ID), r.get(v.VERSION), size, null));
        }
        if (taken.isEmpty()) {
            return List.of();
        }
        // @formatter:off
        dsl.update(v)
                .set(v.CLAIMED_BY, holder)
                .set(v.CLAIMED_UNTIL, now.plus(lease))
                .set(v.ATTEMPTS, v.ATTEMPTS.plus(1))
                .set(v.STATUS, DocumentStatus.PARSING.name())
                .set(v.STATUS_DETAIL, (String) null)
                .set(v.UPDATED_AT, now)
                .where(v.TENANT_ID.eq(tenant.value()))
                .and(versions(taken))
                .execute();
        Map<UUID, String> filenames = new HashMap<>();
        dsl.select(DOCUMENTS.ID, DOCUMENTS.FILENAME)
                .from(DOCUMENTS)
                .where(DOCUMENTS.TENANT_ID.eq(tenant.value()))
                .and(DOCUMENTS.ID.in(taken.stream().map(Claimed::documentId).toList()))
                .forEach(r -> {
                    if (r.value2() != null) {
                        filenames.put(r.value1(), r.value2());
                    }
                });
        // @formatter:on
        return taken.stream().map(c -> new Claimed(c.documentId(), c.version(), c.sizeBytes(),
                filenames.get(c.documentId()))).toList();
    }

    /**
     * Lets go of the holder's claims on these versions; those still unfinished wait again (status queued) for their
     * own job or the sweep.
     */
    void release(TenantId tenant, String holder, Collection<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return;
        }
        var v = DOCUMENT_VERSIONS;
        dsl.update(v)
                .set(v.CLAIMED_BY, (String) null)
                .set(v.CLAIMED_UNTIL, (OffsetDateTime) null)
                .set(v.STATUS, when(v.STATUS.in(PENDING), inline(DocumentStatus.QUEUED.name())).else_(v.STATUS))
                .where(v.TENANT_ID.eq(tenant.value()))
                .and(v.CLAIMED_BY.eq(holder))
                .and(versions(claimed))
                .execute();
    }

    /** The title and visibility of these documents, to index their passages with. */
    record Labels(String title, Visibility visibility) {
    }

    Map<UUID, Labels> labels(TenantId tenant, Collection<UUID> documentIds) {
        Map<UUID, Labels> out = new HashMap<>();
        dsl.select(DOCUMENTS.ID, DOCUMENTS.TITLE, DOCUMENTS.VISIBILITY)
                .from(DOCUMENTS)
                .where(DOCUMENTS.TENANT_ID.eq(tenant.value()), DOCUMENTS.ID.in(documentIds))
                .forEach(r -> out.put(r.value1(), new Labels(r.value2(), Visibility.valueOf(r.value3()))));
        return out;
    }

    /** A version of some workspace's document: what the sweep hands back to the job queue. */
    record Stalled(TenantId tenant, UUID documentId, int version) {
    }

    /**
     * Versions, in any workspace, still unfinished whose lease ran out, or that waited unclaimed since before
     * {@code waitingSince}: the sweep queues their jobs again (queueing an existing job is a no-op). Reads ids only.
     */
    List<Stalled> stalled(OffsetDateTime waitingSince, int limit) {
        var v = DOCUMENT_VERSIONS;
        OffsetDateTime now = OffsetDateTime.now();
        // @formatter:off
        return dsl.select(v.TENANT_ID, v.DOCUMENT_ID, v.VERSION)
                .from(v)
                .where(v.STATUS.in(PENDING))
                .and(v.CLAIMED_UNTIL.lt(now).or(v.CLAIMED_UNTIL.isNull().and(v.UPDATED_AT.lt(waitingSince))))
                .orderBy(v.CREATED_AT)
                .limit(limit)
                .fetch(r -> new Stalled(TenantId.of(r.value1()), r.value2(), r.value3()));
        // @formatter:on
    }

    private static Condition versions(Collection<Claimed> claimed) {
        List<Row2<UUID, Integer>> rows = claimed.stream()
                .map(c -> row(c.documentId(), c.version()))
                .toList();
        return row(DOCUMENT_VERSIONS.DOCUMENT_ID, DOCUMENT_VERSIONS.VERSION).in(rows);
    }
}
