package com.frontline.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.frontline.platform.elasticsearch.ElasticsearchConnection;
import com.frontline.search.internal.HybridRetriever;
import com.frontline.shared.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static com.frontline.search.SearchTestSupport.chunk;
import static com.frontline.search.SearchTestSupport.embedder;
import static com.frontline.search.SearchTestSupport.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.mock;

/** The search path the chat takes, against the real embedded Elasticsearch and the real MiniLM model. */
class HybridRetrieverTest {

    static KnowledgeIndex index;
    static HybridRetriever retriever;
    static TenantId tenant;
    static TenantId other;
    static IndexedChunk refunds;
    static IndexedChunk password;
    static IndexedChunk shipping;
    static IndexedChunk errorCode;
    static IndexedChunk invoices;

    @BeforeAll
    static void twoTenantsWithKnowledge() {
        index = SearchTestSupport.knowledgeIndex(SearchTestSupport.newIndexName("hybrid-retriever-test"));
        retriever = new HybridRetriever(index, embedder(), List::of);
        tenant = newTenant();
        other = newTenant();
        UUID doc = UUID.randomUUID();
        refunds = chunk(tenant, doc, 1, "Refund policy",
                "Customers can ask for their money back within 30 days of purchase.");
        password = chunk(tenant, doc, 1, "Resetting your password",
                "Use the forgot password link on the login page to receive a reset e-mail.");
        shipping = chunk(tenant, doc, 1, "Shipping times",
                "Orders ship within two business days; international delivery takes up to two weeks.");
        errorCode = chunk(tenant, doc, 1, "Error E-4012",
                "E-4012 means the card issuer declined the payment. Try another card.");
        invoices = new IndexedChunk(tenant, UUID.randomUUID(), 3, UUID.randomUUID(), IndexedChunk.ACCOUNT, Visibility.PUBLIC,
                "Invoices", List.of("Billing"), "Invoices are sent on the first day of every month.",
                embedder().embed("Billing\nInvoices are sent on the first day of every month."),
                "https://example.com/billing");
        index.index(tenant, List.of(refunds, password, shipping, errorCode, invoices));
        index.index(other, List.of(chunk(other, UUID.randomUUID(), 1, "Refund policy",
                "Refunds are never given. Money back is impossible.")));
        index.refresh();
    }

    static RetrievalSettings settings() {
        return RetrievalSettings.defaults();
    }

    @Test
    void findsByMeaningWhenTheWordsDiffer() {
        List<Passage> passages = retriever.search(tenant, Audience.TEAM, "how do I get my cash returned?", settings());

        assertThat(passages).first().satisfies(p -> {
            assertThat(p.chunkId()).isEqualTo(refunds.chunkId());
            assertThat(p.denseRank()).isEqualTo(1);
            assertThat(p.score()).isBetween(0.0, 1.0);
            assertThat(p.relevance()).isBetween(0.2, 1.0);
        });
    }

    @Test
    void findsByWordsWhatMeaningAloneMisses() {
        List<Passage> passages = retriever.search(tenant, Audience.TEAM, "E-4012", settings());

        assertThat(passages).first().satisfies(p -> {
            assertThat(p.chunkId()).isEqualTo(errorCode.chunkId());
            assertThat(p.bm25Rank()).isEqualTo(1);
        });
    }

    @Test
    void returnsEveryFieldOfThePassage() {
        Passage p = retriever.search(tenant, Audience.TEAM, "when are invoices sent", settings()).getFirst();

        assertThat(p.chunkId()).isEqualTo(invoices.chunkId());
        assertThat(p.documentId()).isEqualTo(invoices.documentId());
        assertThat(p.version()).isEqualTo(3);
        assertThat(p.sourceType()).isEqualTo(IndexedChunk.ACCOUNT);
        assertThat(p.title()).isEqualTo("Invoices");
        assertThat(p.headingPath()).containsExactly("Billing");
        assertThat(p.text()).isEqualTo(invoices.text());
        assertThat(p.sourceUrl()).isEqualTo("https://example.com/billing");
        assertThat(p.bm25Rank()).isEqualTo(1);
        assertThat(p.denseRank()).isEqualTo(1);
    }

    @Test
    void relevanceIsTheCosineSimilarityAlsoForPassagesOnlyBm25Found() {
        String query = "password reset link";
        // words only: the kNN search is skipped, so every relevance comes from the separate comparison
        List<Passage> passages = retriever.search(tenant, Audience.TEAM, query, settings().withBm25Weight(1));

        assertThat(passages).isNotEmpty().allSatisfy(p -> assertThat(p.denseRank()).isNull());
        float[] q = embedder().embed(query);
        Passage first = passages.getFirst();
        assertThat(first.chunkId()).isEqualTo(password.chunkId());
        // int8-quantised vectors in the index: close to the exact cosine, not equal
        assertThat(first.relevance()).isCloseTo(cosine(q, password.embedding()), within(0.03));
        List<Passage> hybrid = retriever.search(tenant, Audience.TEAM, query, settings());
        assertThat(hybrid.getFirst().relevance()).isCloseTo(first.relevance(), within(0.03));
    }

    @Test
    void neverReturnsAnotherTenantsPassages() {
        assertThat(retriever.search(other, Audience.TEAM, "refund money back", settings()))
                .extracting(Passage::text).containsExactly("Refunds are never given. Money back is impossible.");
        assertThat(retriever.search(newTenant(), Audience.TEAM, "refund money back", settings())).isEmpty();
    }

    @Test
    void returnsAtMostTopKAndNothingBelowTheMinimumScore() {
        RetrievalSettings two = new RetrievalSettings(Fusion.WEIGHTED, 0.4, 2, 10, 0);
        assertThat(retriever.search(tenant, Audience.TEAM, "money back for my order", two)).hasSize(2);

        List<Passage> all = retriever.search(tenant, Audience.TEAM, "money back for my order", settings().withTopK(10));
        // four of the five passages share one document, which may place only two in the top five: the order is the
        // score's but for the invoice passage, moved up
        assertThat(all).hasSize(5).filteredOn(p -> !p.chunkId().equals(invoices.chunkId()))
                .isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        List<Double> scores = all.stream().map(Passage::score).sorted(Comparator.reverseOrder()).toList();
        double cut = (scores.get(1) + scores.get(2)) / 2;
        RetrievalSettings strict = new RetrievalSettings(Fusion.WEIGHTED, 0.4, 10, 50, cut);
        assertThat(retriever.search(tenant, Audience.TEAM, "money back for my order", strict)).hasSize(2)
                .allSatisfy(p -> assertThat(p.score()).isGreaterThanOrEqualTo(cut));
    }

    @Test
    void aLongDocumentPlacesAtMostTwoPassagesInTheTopFive() {
        TenantId shop = newTenant();
        UUID manual = UUID.randomUUID();
        List<IndexedChunk> chunks = new ArrayList<>();
        for (String step : List.of("within 30 days", "with the receipt", "to the original card", "for damaged items")) {
            chunks.add(chunk(shop, manual, 1, "Refund manual", "A refund is given " + step + "."));
        }
        IndexedChunk faq = chunk(shop, UUID.randomUUID(), 1, "Returns FAQ", "Returned goods are refunded in a week.");
        IndexedChunk store = chunk(shop, UUID.randomUUID(), 1, "Store policy", "In-store purchases: refund at the desk.");
        IndexedChunk gifts = chunk(shop, UUID.randomUUID(), 1, "Gift cards", "Gift cards cannot be refunded.");
        chunks.addAll(List.of(faq, store, gifts));
        index.index(shop, chunks);
        index.refresh();

        List<Passage> top = retriever.search(shop, Audience.TEAM, "refund manual: how is a refund given?", settings());

        assertThat(top).hasSize(5);
        assertThat(top).filteredOn(p -> p.documentId().equals(manual)).hasSize(2);
        assertThat(top).extracting(Passage::chunkId).contains(faq.chunkId(), store.chunkId(), gifts.chunkId());
        // the manual's passages rank first when nothing caps them
        assertThat(top.getFirst().documentId()).isEqualTo(manual);
        // with ten places, the pushed-out passages follow the top five
        List<Passage> ten = retriever.search(shop, Audience.TEAM, "refund manual: how is a refund given?",
                settings().withTopK(10));
        assertThat(ten).hasSize(7).startsWith(top.toArray(Passage[]::new));
        assertThat(ten.subList(5, 7)).allSatisfy(p -> assertThat(p.documentId()).isEqualTo(manual));
    }

    @Test
    void identicalPassagesAreOrderedByChunkIdOnEveryRun() {
        TenantId shop = newTenant();
        UUID lower = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID higher = UUID.fromString("ffffffff-0000-0000-0000-000000000001");
        String title = "Opening hours";
        String text = "The shop opens at nine and closes at six.";
        float[] vector = embedder().embed(title + "\n" + text);
        // the same passage in two documents, in one segment (one bulk request), so both retrievers score them alike;
        // the higher id is indexed first, so Elasticsearch lists it first on the tie
        List<IndexedChunk> chunks = new ArrayList<>();
        for (UUID chunkId : List.of(higher, lower)) {
            chunks.add(new IndexedChunk(shop, UUID.randomUUID(), 1, chunkId, IndexedChunk.DOCUMENT,
                    Visibility.PUBLIC, title, List.of(), text, vector, null));
        }
        chunks.add(chunk(shop, UUID.randomUUID(), 1, "Holidays", "Closed on public holidays."));
        index.index(shop, chunks);
        index.refresh();

        for (int run = 0; run < 3; run++) {
            List<Passage> passages = retriever.search(shop, Audience.TEAM, "when does the shop open?", settings());

            assertThat(passages).as("%s", passages).extracting(Passage::chunkId).startsWith(lower, higher);
            assertThat(passages.get(0).score()).isEqualTo(passages.get(1).score());
            assertThat(passages.get(0).bm25Rank()).isEqualTo(1);
            assertThat(passages.get(0).denseRank()).isEqualTo(1);
        }
    }

    @Test
    void rrfRanksToo() {
        RetrievalSettings rrf = new RetrievalSettings(Fusion.RRF, 0.5, 3, 20, 0);

        assertThat(retriever.search(tenant, Audience.TEAM, "shipping delivery time", rrf)).first()
                .extracting(Passage::chunkId).isEqualTo(shipping.chunkId());
    }

    @Test
    void aBlankQueryFindsNothingAndAVeryLongOneIsCutNotRefused() {
        assertThat(retriever.search(tenant, Audience.TEAM, "  \n\t ", settings())).isEmpty();

        String longQuery = "password reset ".repeat(400);
        assertThat(longQuery.length()).isGreaterThan(5_000);
        assertThat(retriever.search(tenant, Audience.TEAM, longQuery, settings())).first().extracting(Passage::chunkId)
                .isEqualTo(password.chunkId());
        // cut at the last space before character 1,000: "... password reset password"
        assertThat(HybridRetriever.normalise(longQuery)).hasSize(998).endsWith("reset password");
        assertThat(HybridRetriever.normalise("x".repeat(1_500))).hasSize(1_000);
        assertThat(HybridRetriever.normalise("  a \n b  ")).isEqualTo("a b");
    }

    @Test
    void passageSourcesComeFirstAndCountTowardsTopK() {
        Passage correction = new Passage(UUID.randomUUID(), UUID.randomUUID(), 1, "CORRECTION", Visibility.PUBLIC, "Refunds (corrected)",
                List.of(), "Refunds take 5 days.", null, 1.0, 0.9, null, null);
        List<String> seen = new ArrayList<>();
        PassageSource corrections = (t, audience, query, vector, s) -> {
            seen.add(t + "|" + query + "|" + vector.length);
            // repeating an index chunk must not list it twice
            Passage duplicate = new Passage(refunds.chunkId(), refunds.documentId(), 1, "DOCUMENT", Visibility.PUBLIC, "dup", List.of(),
                    "dup", null, 1, 1, null, null);
            return List.of(correction, duplicate);
        };
        HybridRetriever withSources = new HybridRetriever(index, embedder(), () -> List.of(corrections));

        List<Passage> passages = withSources.search(tenant, Audience.TEAM, "refund", settings().withTopK(3));

        assertThat(seen).containsExactly(tenant + "|refund|384");
        assertThat(passages).hasSize(3);
        assertThat(passages.get(0)).isEqualTo(correction);
        assertThat(passages.get(1).title()).isEqualTo("dup");
        assertThat(passages.subList(2, 3)).extracting(Passage::chunkId).doesNotContain(refunds.chunkId());
    }

    @Test
    void anUnreachableElasticsearchIsReportedAsSearchUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ElasticsearchClient client = new ElasticsearchClient(new Rest5ClientTransport(
                Rest5Client.builder(URI.create("http://127.0.0.1:" + port)).build(), new Jackson3JsonpMapper()));
        KnowledgeIndex unreachable = new KnowledgeIndex(client, mock(ElasticsearchConnection.class), "nowhere");
        HybridRetriever broken = new HybridRetriever(unreachable, embedder(), List::of);

        assertThatThrownBy(() -> broken.search(tenant, Audience.TEAM, "refund", settings()))
                .isInstanceOf(SearchUnavailableException.class)
                .hasMessageContaining("cannot be searched");
        client.close();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
