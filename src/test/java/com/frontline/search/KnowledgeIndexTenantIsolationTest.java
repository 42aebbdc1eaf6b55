package com.frontline.search;

import com.frontline.shared.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.frontline.search.SearchTestSupport.chunk;
import static com.frontline.search.SearchTestSupport.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two tenants in the one shared index: whatever tenant B does, it never sees, counts, overwrites or deletes tenant
 * A's chunks. B even uses A's document id and chunk ids, which ingestion never would, to show that the tenant scope
 * alone keeps them apart.
 */
class KnowledgeIndexTenantIsolationTest {

    static final KnowledgeIndex index = SearchTestSupport.knowledgeIndex(
            SearchTestSupport.newIndexName("tenant-isolation-test"));

    TenantId a;
    TenantId b;
    UUID documentId;
    IndexedChunk aOld;
    IndexedChunk aCurrent;

    @BeforeEach
    void twoTenantsWithTheSameDocument() {
        a = newTenant();
        b = newTenant();
        documentId = UUID.randomUUID();
        aOld = chunk(a, documentId, 1, "Lost luggage", "Report lost luggage at the airport desk within 24 hours.");
        aCurrent = chunk(a, documentId, 2, "Lost luggage", "Report lost luggage online within 48 hours.");
        index.index(a, List.of(aOld, aCurrent));
        index.index(b, List.of(
                chunk(b, documentId, 1, "Gift cards", "Gift cards never expire."),
                chunk(b, documentId, 2, "Gift cards", "Gift cards expire after three years.")));
        index.refresh();
    }

    @Test
    void indexNeverOverwritesAnotherTenantsChunkWithTheSameChunkId() {
        IndexedChunk sameIdInB = new IndexedChunk(b, documentId, 2, aCurrent.chunkId(), IndexedChunk.DOCUMENT, Visibility.PUBLIC,
                "Lost luggage", List.of(), "Tenant B's text.", aCurrent.embedding(), null);

        index.index(b, List.of(sameIdInB));
        index.refresh();

        assertThat(index.count(a)).isEqualTo(2);
        assertThat(index.bm25(a, Audience.TEAM, "luggage", 10)).extracting(IndexHit::text)
                .containsExactlyInAnyOrder(aOld.text(), aCurrent.text());
        assertThat(index.count(b)).isEqualTo(3);
    }

    @Test
    void indexRefusesAnotherTenantsChunks() {
        assertThatThrownBy(() -> index.index(b, List.of(aCurrent))).isInstanceOf(IllegalArgumentException.class);
        index.refresh();
        assertThat(index.count(b)).isEqualTo(2);
    }

    @Test
    void countOnlyCountsTheTenantsChunks() {
        assertThat(index.count(a)).isEqualTo(2);
        assertThat(index.count(b)).isEqualTo(2);
        assertThat(index.count(newTenant())).isZero();
    }

    @Test
    void bm25NeverFindsAnotherTenantsChunks() {
        assertThat(index.bm25(b, Audience.TEAM, "lost luggage airport", 10)).isEmpty();
        assertThat(index.bm25(a, Audience.TEAM, "lost luggage airport", 10)).isNotEmpty();
    }

    @Test
    void knnOnlyChoosesNeighboursAmongTheTenantsChunks() {
        // A's own vector is A's nearest chunk by far; B must get its own chunks instead, all of them
        List<IndexHit> hits = index.knn(b, Audience.TEAM, aCurrent.embedding(), 10);

        assertThat(hits).hasSize(2).allSatisfy(hit -> assertThat(hit.title()).isEqualTo("Gift cards"));
        assertThat(index.knn(a, Audience.TEAM, aCurrent.embedding(), 1)).extracting(IndexHit::chunkId)
                .containsExactly(aCurrent.chunkId());
    }

    @Test
    void theCombinedSearchAndTheSimilarityLookupStayInTheTenant() {
        KnowledgeIndex.HybridHits both = index.bm25AndKnn(b, Audience.TEAM, "lost luggage airport", aCurrent.embedding(), 10);

        assertThat(both.bm25()).isEmpty();
        assertThat(both.knn()).hasSize(2).allSatisfy(hit -> assertThat(hit.title()).isEqualTo("Gift cards"));
        assertThat(index.bm25AndKnn(a, Audience.TEAM, "lost luggage airport", aCurrent.embedding(), 10).bm25()).isNotEmpty();
        assertThat(index.similarities(b, Audience.TEAM, aCurrent.embedding(), List.of(aCurrent.chunkId(), aOld.chunkId())))
                .isEmpty();
        assertThat(index.similarities(a, Audience.TEAM, aCurrent.embedding(), List.of(aCurrent.chunkId())))
                .hasEntrySatisfying(aCurrent.chunkId(), cosine -> assertThat(cosine).isGreaterThan(0.95));
    }

    @Test
    void deleteOtherVersionsOnlyDeletesTheTenantsOldVersions() {
        assertThat(index.deleteOtherVersions(b, documentId, 2)).isEqualTo(1);

        assertThat(index.count(a)).isEqualTo(2);
        assertThat(index.bm25(a, Audience.TEAM, "airport", 10)).extracting(IndexHit::chunkId).containsExactly(aOld.chunkId());
        assertThat(index.count(b)).isEqualTo(1);
    }

    @Test
    void deleteDocumentOnlyDeletesTheTenantsChunks() {
        assertThat(index.deleteDocument(b, documentId)).isEqualTo(2);

        assertThat(index.count(a)).isEqualTo(2);
        assertThat(index.count(b)).isZero();
    }

    @Test
    void deleteTenantOnlyDeletesThatTenant() {
        assertThat(index.deleteTenant(b)).isEqualTo(2);
        assertThat(index.deleteTenant(newTenant())).isZero();

        assertThat(index.count(a)).isEqualTo(2);
        assertThat(index.knn(a, Audience.TEAM, aOld.embedding(), 10)).hasSize(2);
    }
}
