package com.frontline.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.frontline.platform.elasticsearch.SharedTestElasticsearch;
import com.frontline.shared.TenantId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.frontline.search.SearchTestSupport.embedder;
import static com.frontline.search.SearchTestSupport.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Internal chunks never reach a visitors' search, by any of its paths (BM25, kNN, both at once, the relevance check),
 * in two tenants that hold the same words; the team finds them. An index created before chunks had a visibility gets
 * the field added, and its old chunks count as internal until they are indexed again.
 */
class KnowledgeIndexVisibilityTest {

    static final KnowledgeIndex index = SearchTestSupport.knowledgeIndex(
            SearchTestSupport.newIndexName("visibility-test"));

    TenantId a;
    TenantId b;
    IndexedChunk help;
    IndexedChunk fact;

    @BeforeEach
    void aPublicAndAnInternalChunkInEachOfTwoTenants() {
        a = newTenant();
        b = newTenant();
        help = chunk(a, IndexedChunk.DOCUMENT, Visibility.PUBLIC, "Camping gear",
                "Fabrikam Camping tents come with a two-year warranty.");
        fact = chunk(a, IndexedChunk.ACCOUNT, Visibility.INTERNAL, "Fabrikam Camping",
                "Account Fabrikam Camping: health score 35 out of 100 (At risk), 3 KPIs.");
        index.index(a, List.of(help, fact));
        index.index(b, List.of(chunk(b, IndexedChunk.DOCUMENT, Visibility.PUBLIC, "Fabrikam Camping",
                "Fabrikam Camping health score help page.")));
        index.refresh();
    }

    @Test
    void visitorsFindOnlyPublicChunksByWordsByMeaningAndByBoth() {
        float[] question = embedder().embed("What is the health score of Fabrikam Camping?");

        assertThat(index.bm25(a, Audience.VISITORS, "health score Fabrikam Camping", 10))
                .extracting(IndexHit::chunkId).containsExactly(help.chunkId());
        assertThat(index.knn(a, Audience.VISITORS, question, 10))
                .extracting(IndexHit::chunkId).containsExactly(help.chunkId());
        KnowledgeIndex.HybridHits both = index.bm25AndKnn(a, Audience.VISITORS, "health score Fabrikam", question, 10);
        assertThat(both.bm25()).extracting(IndexHit::chunkId).containsExactly(help.chunkId());
        assertThat(both.knn()).extracting(IndexHit::chunkId).containsExactly(help.chunkId());
        assertThat(index.similarities(a, Audience.VISITORS, question, List.of(help.chunkId(), fact.chunkId())))
                .containsOnlyKeys(help.chunkId());
    }

    @Test
    void theTeamFindsInternalChunksToo() {
        float[] question = embedder().embed("What is the health score of Fabrikam Camping?");

        assertThat(index.bm25(a, Audience.TEAM, "health score Fabrikam Camping", 10))
                .extracting(IndexHit::chunkId, IndexHit::visibility)
                .contains(org.assertj.core.groups.Tuple.tuple(fact.chunkId(), Visibility.INTERNAL));
        assertThat(index.knn(a, Audience.TEAM, question, 10)).extracting(IndexHit::chunkId)
                .containsExactlyInAnyOrder(help.chunkId(), fact.chunkId());
        // and never another tenant's
        assertThat(index.bm25(b, Audience.TEAM, "health score 35 at risk", 10))
                .extracting(IndexHit::text).noneMatch(t -> t.contains("35 out of 100"));
    }

    @Test
    void anIndexFromBeforeVisibilitiesGetsTheFieldAndItsOldChunksCountAsInternal() throws Exception {
        String name = SearchTestSupport.newIndexName("legacy-visibility-test");
        ElasticsearchClient client = SharedTestElasticsearch.get().client();
        client.indices().create(c -> c.withJson(new StringReader(LEGACY_DEFINITION))
                .index(name + "-v1").aliases(name, al -> al.isWriteIndex(true)));
        TenantId tenant = newTenant();
        UUID oldChunk = UUID.randomUUID();
        client.index(i -> i.index(name).id(tenant + ":" + oldChunk).routing(tenant.toString())
                .document(legacyDocument(tenant, oldChunk, "Refunds take five days.")));

        KnowledgeIndex upgraded = SearchTestSupport.knowledgeIndex(name);
        upgraded.ensureIndex();
        IndexedChunk fresh = chunk(tenant, IndexedChunk.DOCUMENT, Visibility.PUBLIC, "Refunds",
                "Refunds are paid to your card.");
        upgraded.index(tenant, List.of(fresh)); // refused by the strict mapping without the new field
        upgraded.refresh();

        assertThat(upgraded.countWithoutVisibility(tenant)).isEqualTo(1);
        assertThat(upgraded.bm25(tenant, Audience.VISITORS, "refunds", 10)).extracting(IndexHit::chunkId)
                .containsExactly(fresh.chunkId());
        assertThat(upgraded.bm25(tenant, Audience.TEAM, "refunds", 10))
                .filteredOn(h -> h.chunkId().equals(oldChunk)).singleElement()
                .extracting(IndexHit::visibility).isEqualTo(Visibility.INTERNAL);
    }

    static IndexedChunk chunk(TenantId tenant, String sourceType, Visibility visibility, String title, String text) {
        return new IndexedChunk(tenant, UUID.randomUUID(), 1, UUID.randomUUID(), sourceType, visibility, title,
                List.of(title), text, embedder().embed(title + "\n" + text), null);
    }

    static Map<String, Object> legacyDocument(TenantId tenant, UUID chunkId, String text) {
        List<Float> vector = new ArrayList<>();
        for (float v : embedder().embed(text)) {
            vector.add(v);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tenant_id", tenant.toString());
        doc.put("document_id", UUID.randomUUID().toString());
        doc.put("version", 1);
        doc.put("chunk_id", chunkId.toString());
        doc.put("source_type", IndexedChunk.DOCUMENT);
        doc.put("title", "Refunds");
        doc.put("heading_path", List.of("Refunds"));
        doc.put("text", text);
        doc.put("embedding", vector);
        return doc;
    }

    /** The mapping as released before chunks had a visibility. */
    static final String LEGACY_DEFINITION = """
            {
              "mappings": {
                "dynamic": "strict",
                "_routing": { "required": true },
                "properties": {
                  "tenant_id":    { "type": "keyword" },
                  "document_id":  { "type": "keyword" },
                  "version":      { "type": "integer" },
                  "chunk_id":     { "type": "keyword" },
                  "source_type":  { "type": "keyword" },
                  "title":        { "type": "text", "analyzer": "english" },
                  "heading_path": { "type": "text", "analyzer": "english" },
                  "text":         { "type": "text", "analyzer": "english" },
                  "embedding":    { "type": "dense_vector", "dims": 384, "index": true, "similarity": "cosine" },
                  "source_url":   { "type": "keyword", "index": false, "doc_values": false }
                }
              }
            }
            """;
}
