package com.frontline.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DenseVectorProperty;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import com.frontline.platform.elasticsearch.SharedTestElasticsearch;
import com.frontline.shared.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.frontline.search.SearchTestSupport.chunk;
import static com.frontline.search.SearchTestSupport.embedder;
import static com.frontline.search.SearchTestSupport.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Against a real Elasticsearch (the embedded node, with our english analyzer plugin) and the real MiniLM model. */
class KnowledgeIndexTest {

    static KnowledgeIndex index;
    static String alias;

    @BeforeAll
    static void createIndex() {
        alias = SearchTestSupport.newIndexName("knowledge-index-test");
        index = SearchTestSupport.knowledgeIndex(alias);
        index.ensureIndex();
    }

    @Test
    void createsTheIndexWithItsExplicitMappingOnceBehindAnAlias() throws Exception {
        ElasticsearchClient client = SharedTestElasticsearch.get().client();

        index.ensureIndex();
        index.ensureIndex();

        var mappings = client.indices().getMapping(m -> m.index(alias)).mappings();
        assertThat(mappings).containsOnlyKeys(alias + "-v1");
        TypeMapping mapping = mappings.get(alias + "-v1").mappings();
        Map<String, Property> properties = mapping.properties();
        assertThat(properties).containsOnlyKeys("tenant_id", "document_id", "version", "chunk_id", "source_type",
                "visibility", "title", "heading_path", "text", "embedding", "source_url");
        assertThat(properties.get("tenant_id").isKeyword()).isTrue();
        assertThat(properties.get("visibility").isKeyword()).isTrue();
        assertThat(properties.get("version").isInteger()).isTrue();
        assertThat(properties.get("title").text().analyzer()).isEqualTo("english");
        assertThat(properties.get("title").text().fields().get("keyword").isKeyword()).isTrue();
        assertThat(properties.get("heading_path").text().analyzer()).isEqualTo("english");
        assertThat(properties.get("text").text().analyzer()).isEqualTo("english");
        DenseVectorProperty embedding = properties.get("embedding").denseVector();
        assertThat(embedding.dims()).isEqualTo(384);
        assertThat(embedding.similarity().jsonValue()).isEqualTo("cosine");
        assertThat(embedding.indexOptions().type().jsonValue()).isEqualTo("int8_hnsw");
        assertThat(properties.get("source_url").keyword().index()).isFalse();
        assertThat(mapping.routing().required()).isTrue();
        assertThat(mapping.dynamic().jsonValue()).isEqualTo("strict");
    }

    @Test
    void findsIndexedChunksByBm25AndByKnn() {
        TenantId tenant = newTenant();
        UUID documentId = UUID.randomUUID();
        IndexedChunk refunds = chunk(tenant, documentId, 1, "Refund policy",
                "Customers can ask for their money back within 30 days of purchase.");
        IndexedChunk password = chunk(tenant, documentId, 1, "Resetting your password",
                "Use the forgot password link on the login page to receive a reset e-mail.");
        IndexedChunk shipping = chunk(tenant, documentId, 1, "Shipping times",
                "Orders ship within two business days; international delivery takes up to two weeks.");

        index.index(tenant, List.of(refunds, password, shipping));
        index.refresh();

        assertThat(index.count(tenant)).isEqualTo(3);
        List<IndexHit> byWords = index.bm25(tenant, Audience.TEAM, "password reset", 3);
        assertThat(byWords).first().satisfies(hit -> {
            assertThat(hit.chunkId()).isEqualTo(password.chunkId());
            assertThat(hit.documentId()).isEqualTo(documentId);
            assertThat(hit.version()).isEqualTo(1);
            assertThat(hit.title()).isEqualTo("Resetting your password");
            assertThat(hit.headingPath()).containsExactly("Help", "Resetting your password");
            assertThat(hit.text()).isEqualTo(password.text());
            assertThat(hit.score()).isPositive();
        });
        List<IndexHit> byMeaning = index.knn(tenant, Audience.TEAM, embedder().embed("how do I get my money back?"), 2);
        assertThat(byMeaning).hasSize(2).first().extracting(IndexHit::chunkId).isEqualTo(refunds.chunkId());
    }

    @Test
    void stemmingLetRefundsFindTheRefundPolicy() {
        TenantId tenant = newTenant();
        IndexedChunk policy = chunk(tenant, UUID.randomUUID(), 1, "Refund policy",
                "We refund a purchase within 30 days.");
        index.index(tenant, List.of(policy, chunk(tenant, UUID.randomUUID(), 1, "Opening hours",
                "Our support team answers from 9 to 5.")));
        index.refresh();

        assertThat(index.bm25(tenant, Audience.TEAM, "refunds", 5)).extracting(IndexHit::chunkId).containsExactly(policy.chunkId());
        assertThat(index.bm25(tenant, Audience.TEAM, "refunding purchases", 5)).extracting(IndexHit::chunkId)
                .containsExactly(policy.chunkId());
    }

    @Test
    void indexingTheSameChunkAgainReplacesIt() {
        TenantId tenant = newTenant();
        IndexedChunk chunk = chunk(tenant, UUID.randomUUID(), 1, "Invoices", "Invoices are sent monthly.");
        index.index(tenant, List.of(chunk));
        IndexedChunk changed = new IndexedChunk(tenant, chunk.documentId(), 1, chunk.chunkId(), IndexedChunk.DOCUMENT, Visibility.PUBLIC,
                "Invoices", List.of(), "Invoices are sent weekly.", chunk.embedding(), "https://example.com/invoices");

        index.index(tenant, List.of(changed));
        index.refresh();

        assertThat(index.count(tenant)).isEqualTo(1);
        assertThat(index.bm25(tenant, Audience.TEAM, "invoices", 5)).singleElement()
                .extracting(IndexHit::text).isEqualTo("Invoices are sent weekly.");
    }

    @Test
    void deleteOtherVersionsKeepsTheNewVersionOnly() {
        TenantId tenant = newTenant();
        UUID documentId = UUID.randomUUID();
        UUID otherDocument = UUID.randomUUID();
        index.index(tenant, List.of(
                chunk(tenant, documentId, 1, "Warranty", "Two years of warranty."),
                chunk(tenant, documentId, 1, "Warranty claims", "Send the receipt."),
                chunk(tenant, otherDocument, 1, "Warranty abroad", "Valid in the EU.")));
        index.refresh();
        IndexedChunk current = chunk(tenant, documentId, 2, "Warranty", "Three years of warranty.");
        // not refreshed: the delete must still see the old chunks and keep this one
        index.index(tenant, List.of(current));

        long deleted = index.deleteOtherVersions(tenant, documentId, 2);

        assertThat(deleted).isEqualTo(2);
        assertThat(index.count(tenant)).isEqualTo(2);
        assertThat(index.bm25(tenant, Audience.TEAM, "warranty", 5)).extracting(IndexHit::documentId, IndexHit::version)
                .containsExactlyInAnyOrder(tuple(documentId, 2),
                        tuple(otherDocument, 1));
    }

    @Test
    void deleteDocumentAndDeleteTenantReturnHowManyChunksTheyDeleted() {
        TenantId tenant = newTenant();
        UUID documentId = UUID.randomUUID();
        index.index(tenant, List.of(chunk(tenant, documentId, 1, "A", "first"),
                chunk(tenant, documentId, 1, "B", "second"), chunk(tenant, UUID.randomUUID(), 1, "C", "third")));

        assertThat(index.deleteDocument(tenant, documentId)).isEqualTo(2);
        assertThat(index.count(tenant)).isEqualTo(1);
        assertThat(index.deleteTenant(tenant)).isEqualTo(1);
        assertThat(index.count(tenant)).isZero();
    }

    @Test
    void aChunkElasticsearchRefusesFailsTheCallWithItsReason() {
        TenantId tenant = newTenant();
        IndexedChunk good = chunk(tenant, UUID.randomUUID(), 1, "Good", "A fine chunk.");
        // cosine similarity is undefined for a zero vector, so Elasticsearch rejects the document
        IndexedChunk zero = new IndexedChunk(tenant, UUID.randomUUID(), 1, UUID.randomUUID(), IndexedChunk.DOCUMENT, Visibility.PUBLIC,
                "Zero", List.of(), "A chunk without direction.", new float[384], null);

        assertThatThrownBy(() -> index.index(tenant, List.of(good, zero)))
                .isInstanceOfSatisfying(IndexingFailedException.class, e -> assertThat(e.failed()).isEqualTo(1))
                .hasMessageContaining("refused 1 of 2 chunks")
                .hasMessageContaining(tenant + ":" + zero.chunkId())
                .hasMessageContaining("zero magnitude");
    }

    @Test
    void refusesChunksOfAnotherTenantOrOfTheWrongDimensionBeforeWritingAny() {
        TenantId tenant = newTenant();
        TenantId other = newTenant();
        IndexedChunk own = chunk(tenant, UUID.randomUUID(), 1, "Own", "Ours.");
        IndexedChunk foreign = chunk(other, UUID.randomUUID(), 1, "Foreign", "Theirs.");
        IndexedChunk tooShort = new IndexedChunk(tenant, UUID.randomUUID(), 1, UUID.randomUUID(),
                IndexedChunk.ACCOUNT, Visibility.PUBLIC, "Short", List.of(), "Too short a vector.", new float[] { 1, 0, 0 }, null);

        assertThatThrownBy(() -> index.index(tenant, List.of(own, foreign)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong to tenant");
        assertThatThrownBy(() -> index.index(tenant, List.of(own, tooShort)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3-dimensional");
        index.refresh();
        assertThat(index.count(tenant)).isZero();
        assertThat(index.count(other)).isZero();
    }
}
