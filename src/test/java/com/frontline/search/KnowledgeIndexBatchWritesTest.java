package com.frontline.search;

import com.frontline.shared.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.frontline.search.SearchTestSupport.chunk;
import static com.frontline.search.SearchTestSupport.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The writes batched ingestion uses, against the embedded node: per-chunk refusals, older-version deletes, counts. */
class KnowledgeIndexBatchWritesTest {

    static KnowledgeIndex index;

    @BeforeAll
    static void createIndex() {
        index = SearchTestSupport.knowledgeIndex(SearchTestSupport.newIndexName("knowledge-batch-writes-test"));
        index.ensureIndex();
    }

    @Test
    void aRefusedChunkComesBackWithItsReasonAndTheOthersAreWritten() {
        TenantId tenant = newTenant();
        UUID goodDocument = UUID.randomUUID();
        IndexedChunk good = chunk(tenant, goodDocument, 1, "Good", "A fine chunk.");
        // cosine similarity is undefined for a zero vector, so Elasticsearch refuses this one document
        IndexedChunk zero = new IndexedChunk(tenant, UUID.randomUUID(), 1, UUID.randomUUID(), IndexedChunk.DOCUMENT,
                Visibility.PUBLIC, "Zero", List.of(), "A chunk without direction.", new float[384], null);

        Map<UUID, String> refused = index.indexEach(tenant, List.of(good, zero));

        assertThat(refused).containsOnlyKeys(zero.chunkId());
        assertThat(refused.get(zero.chunkId())).contains("zero magnitude");
        index.refresh();
        assertThat(index.count(tenant)).isEqualTo(1);
        assertThat(index.countDocument(tenant, goodDocument)).isEqualTo(1);
    }

    @Test
    void deleteOlderVersionsKeepsTheVersionAndNewerOnesAndCountsStayPerTenant() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        UUID documentId = UUID.randomUUID();
        UUID otherDocument = UUID.randomUUID();
        index.index(tenant, List.of(
                chunk(tenant, documentId, 1, "Warranty", "One year."),
                chunk(tenant, documentId, 2, "Warranty", "Two years."),
                chunk(tenant, documentId, 3, "Warranty", "Three years."),
                chunk(tenant, otherDocument, 1, "Returns", "Thirty days.")));
        // the other tenant reuses the document id
        index.index(other, List.of(chunk(other, documentId, 1, "Warranty", "Their one year.")));

        assertThat(index.deleteOlderVersions(tenant, documentId, 2)).isEqualTo(1);

        assertThat(index.countDocument(tenant, documentId)).isEqualTo(2);
        assertThat(index.countDocument(tenant, otherDocument)).isEqualTo(1);
        assertThat(index.countDocument(other, documentId)).isEqualTo(1);
        assertThat(index.countDocument(other, otherDocument)).isZero();
        assertThat(index.bm25(tenant, Audience.TEAM, "warranty years", 10))
                .filteredOn(h -> h.documentId().equals(documentId))
                .extracting(IndexHit::documentId, IndexHit::version)
                .containsExactlyInAnyOrder(tuple(documentId, 2), tuple(documentId, 3));
    }
}
