package com.frontline.search.internal;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import com.frontline.search.Audience;
import com.frontline.search.IndexedChunk;
import com.frontline.search.Visibility;
import com.frontline.shared.TenantId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON of every request: each carries the tenant's term filter and routing. */
class ChunkRequestsTest {

    static final TenantId TENANT = TenantId.of(UUID.fromString("0f0e0d0c-0b0a-0908-0706-050403020100"));
    static final Jackson3JsonpMapper MAPPER = new Jackson3JsonpMapper();
    static final JsonMapper JSON = JsonMapper.builder().build();

    final ChunkRequests requests = new ChunkRequests("chunks");

    @Test
    void everySearchIsFilteredAndRoutedByTheTenant() {
        UUID documentId = UUID.randomUUID();
        Map<String, SearchRequest> searches = Map.of(
                "bm25", requests.bm25(TENANT, Audience.TEAM, "refund", 5),
                "knn", requests.knn(TENANT, Audience.TEAM, new float[384], 5),
                "similarity", requests.similarity(TENANT, Audience.TEAM, new float[384], List.of(UUID.randomUUID())),
                "tenant chunks", requests.tenantChunks(TENANT),
                "document chunks", requests.documentChunks(TENANT, documentId),
                "other versions", requests.otherVersions(TENANT, documentId, 2));

        searches.forEach((name, search) -> {
            assertThat(search.routing()).as(name).containsExactly(TENANT.toString());
            assertThat(search.index()).as(name).containsExactly("chunks");
            String json = JsonpUtils.toJsonString(search, MAPPER);
            assertThat(json).as(name).contains("{\"term\":{\"tenant_id\":{\"value\":\"" + TENANT + "\"}}}");
        });
        assertThat(requests.count(TENANT).routing()).containsExactly(TENANT.toString());
        assertThat(JsonpUtils.toJsonString(requests.count(TENANT), MAPPER)).contains("\"tenant_id\"");
    }

    @Test
    void theKnnTenantFilterIsInsideTheKnnSectionSoNeighboursAreChosenAmongTheTenantsChunks() {
        JsonNode body = JSON.readTree(JsonpUtils.toJsonString(requests.knn(TENANT, Audience.TEAM, new float[384], 7), MAPPER));

        JsonNode knn = body.path("knn");
        knn = knn.isArray() ? knn.get(0) : knn;
        assertThat(knn.path("filter").toString()).contains("\"tenant_id\"");
        assertThat(knn.path("k").asInt()).isEqualTo(7);
        assertThat(knn.path("num_candidates").asInt()).isEqualTo(100);
        assertThat(body.has("query")).isFalse();
    }

    @Test
    void theCombinedSearchCarriesBothSearchesEachFilteredAndRoutedByTheTenant() {
        MsearchRequest both = requests.bm25AndKnn(TENANT, Audience.TEAM, "refund", new float[384], 20);

        assertThat(both.routing()).containsExactly(TENANT.toString());
        assertThat(both.searches()).hasSize(2).allSatisfy(item -> {
            assertThat(item.header().routing()).containsExactly(TENANT.toString());
            assertThat(item.header().index()).containsExactly("chunks");
            assertThat(JsonpUtils.toJsonString(item.body(), MAPPER))
                    .contains("{\"term\":{\"tenant_id\":{\"value\":\"" + TENANT + "\"}}}");
        });
        assertThat(both.searches().get(0).body().query()).isNotNull();
        assertThat(both.searches().get(0).body().size()).isEqualTo(20);
        assertThat(both.searches().get(1).body().knn()).singleElement()
                .satisfies(knn -> assertThat(knn.k()).isEqualTo(20));
    }

    @Test
    void similarityComparesExactlyTheGivenChunksOfTheTenant() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        JsonNode body = JSON.readTree(JsonpUtils.toJsonString(
                requests.similarity(TENANT, Audience.TEAM, new float[384], List.of(first, second)), MAPPER));

        JsonNode knn = body.path("knn");
        knn = knn.isArray() ? knn.get(0) : knn;
        assertThat(knn.path("filter").toString()).contains("\"tenant_id\"", first.toString(), second.toString());
        assertThat(knn.path("k").asInt()).isEqualTo(2);
        assertThat(knn.path("num_candidates").asInt()).isEqualTo(2);
        assertThat(body.path("_source").toString()).contains("chunk_id").doesNotContain("text");
    }

    @Test
    void bm25BoostsTheTitleAndNeverFetchesTheEmbedding() {
        JsonNode body = JSON.readTree(JsonpUtils.toJsonString(requests.bm25(TENANT, Audience.TEAM, "refund", 5), MAPPER));

        assertThat(body.path("query").path("bool").path("must").toString())
                .contains("\"title^2\"", "\"heading_path\"", "\"text\"");
        assertThat(body.path("_source").toString()).doesNotContain("embedding");
    }

    @Test
    void otherVersionsExcludesTheVersionToKeep() {
        String json = JsonpUtils.toJsonString(requests.otherVersions(TENANT, UUID.randomUUID(), 3), MAPPER);

        assertThat(json).contains("\"must_not\":[{\"term\":{\"version\":{\"value\":3}}}]");
    }

    @Test
    void bulkWritesAndDeletesAreRoutedByTheTenantAndIdsCarryIt() {
        UUID chunkId = UUID.randomUUID();
        IndexedChunk chunk = new IndexedChunk(TENANT, UUID.randomUUID(), 1, chunkId, IndexedChunk.DOCUMENT, Visibility.PUBLIC, "t",
                List.of(), "x", new float[384], null);

        BulkRequest write = requests.index(TENANT, List.of(chunk));
        BulkRequest delete = requests.delete(TENANT, List.of(TENANT + ":" + chunkId));

        assertThat(write.routing()).containsExactly(TENANT.toString());
        assertThat(write.operations()).singleElement()
                .satisfies(op -> assertThat(op.index().id()).isEqualTo(TENANT + ":" + chunkId))
                .satisfies(op -> assertThat(((ChunkDocument) op.index().document()).tenantId())
                        .isEqualTo(TENANT.toString()));
        assertThat(delete.routing()).containsExactly(TENANT.toString());
    }

    // ---- visibility: a visitors' search only ever matches public chunks ---------------------------------------

    static final String PUBLIC_ONLY = "{\"term\":{\"visibility\":{\"value\":\"PUBLIC\"}}}";

    @Test
    void aVisitorsBm25SearchFiltersOnPublicVisibilityNextToTheTenant() {
        JsonNode body = JSON.readTree(JsonpUtils.toJsonString(
                requests.bm25(TENANT, Audience.VISITORS, "health score Fabrikam", 5), MAPPER));

        String filter = body.path("query").path("bool").path("filter").toString();
        assertThat(filter).contains(PUBLIC_ONLY).contains("\"tenant_id\"");
    }

    @Test
    void aVisitorsKnnSearchFiltersOnPublicVisibilityInsideTheKnnFilter() {
        JsonNode body = JSON.readTree(JsonpUtils.toJsonString(
                requests.knn(TENANT, Audience.VISITORS, new float[384], 5), MAPPER));

        JsonNode knn = body.path("knn");
        knn = knn.isArray() ? knn.get(0) : knn;
        // inside the kNN section: the nearest neighbours are chosen among public chunks, not filtered afterwards
        assertThat(knn.path("filter").toString()).contains(PUBLIC_ONLY).contains("\"tenant_id\"");
        assertThat(body.has("query")).isFalse();
    }

    @Test
    void aVisitorsCombinedSearchFiltersBothHalvesAndTheirRelevanceCheck() {
        MsearchRequest both = requests.bm25AndKnn(TENANT, Audience.VISITORS, "refund", new float[384], 20);

        assertThat(both.searches()).hasSize(2).allSatisfy(item ->
                assertThat(JsonpUtils.toJsonString(item.body(), MAPPER)).contains(PUBLIC_ONLY));
        assertThat(JsonpUtils.toJsonString(
                requests.similarity(TENANT, Audience.VISITORS, new float[384], List.of(UUID.randomUUID())), MAPPER))
                .contains(PUBLIC_ONLY);
    }

    @Test
    void theTeamSearchesEveryVisibility() {
        JsonNode bm25 = JSON.readTree(JsonpUtils.toJsonString(requests.bm25(TENANT, Audience.TEAM, "refund", 5), MAPPER));
        JsonNode knn = JSON.readTree(JsonpUtils.toJsonString(requests.knn(TENANT, Audience.TEAM, new float[384], 5),
                MAPPER));

        assertThat(bm25.path("query").toString()).contains("\"tenant_id\"").doesNotContain("visibility");
        assertThat(knn.path("knn").toString()).contains("\"tenant_id\"").doesNotContain("visibility");
    }

    @Test
    void aSearchWithoutAnAudienceIsRefused() {
        assertThatThrownBy(() -> requests.bm25(TENANT, nullAudience(), "refund", 5))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("audience");
        assertThatThrownBy(() -> requests.knn(TENANT, nullAudience(), new float[384], 5))
                .isInstanceOf(NullPointerException.class);
    }

    @SuppressWarnings("NullAway")
    private static Audience nullAudience() {
        return null;
    }

    @Test
    void everyChunkIsWrittenWithItsVisibility() {
        IndexedChunk fact = new IndexedChunk(TENANT, UUID.randomUUID(), 1, UUID.randomUUID(), IndexedChunk.ACCOUNT,
                Visibility.INTERNAL, "Fabrikam Camping", List.of(), "health score 35", new float[384], null);

        BulkRequest write = requests.index(TENANT, List.of(fact));

        assertThat(write.operations()).singleElement().satisfies(op ->
                assertThat(((ChunkDocument) op.index().document()).visibility()).isEqualTo("INTERNAL"));
    }

    @Test
    void chunksWithoutAVisibilityAreCountedForReindexing() {
        String json = JsonpUtils.toJsonString(requests.countWithoutVisibility(TENANT), MAPPER);

        assertThat(json).contains("\"tenant_id\"").contains("\"must_not\":[{\"exists\":{\"field\":\"visibility\"}}]");
    }

    @Test
    void otherVersionsOfSeveralSourcesKeepsOneVersion() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String json = JsonpUtils.toJsonString(requests.otherVersions(TENANT, List.of(a, b), 4), MAPPER);

        assertThat(json).contains(a.toString(), b.toString(), "\"tenant_id\"")
                .contains("\"must_not\":[{\"term\":{\"version\":{\"value\":4}}}]");
    }
}
