package com.frontline.knowledge;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.search.Audience;
import com.frontline.search.IndexHit;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.Visibility;
import com.frontline.shared.CurrentTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many uploads at once are ingested in shared batches (the real background path: db-scheduler jobs, parsing, the
 * MiniLM model, PostgreSQL and the embedded Elasticsearch), and each document still ends up with exactly its own
 * passages, its own status and its own versions.
 */
@IntegrationTest
class BatchIngestionTest {

    @Autowired KnowledgeService knowledge;
    @Autowired KnowledgeIndex index;
    @Autowired DocumentRepository documents;
    @Autowired BatchIngestion batches;
    @Autowired KnowledgeProperties properties;
    @Autowired TestAccounts accounts;
    @Autowired MockMvc mvc;

    CurrentTenant alpha;
    CurrentTenant beta;

    @BeforeEach
    void twoWorkspaces() throws Exception {
        var alice = accounts.signedIn(mvc, "alice");
        alpha = accounts.asMember(alice, accounts.workspace(alice, "Alpha Co"));
        var bob = accounts.signedIn(mvc, "bob");
        beta = accounts.asMember(bob, accounts.workspace(bob, "Beta Co"));
        assertThat(properties.ingestBatch()).as("batching is on by default").isGreaterThan(1);
    }

    @Test
    void manyUploadsInTwoWorkspacesEachGetTheirOwnPassages() {
        Map<UUID, Integer> sectionsA = new LinkedHashMap<>();
        Map<UUID, Integer> sectionsB = new LinkedHashMap<>();
        for (int i = 0; i < 15; i++) {
            int sections = 1 + i % 4;
            sectionsA.put(upload(alpha, "alpha-" + i + ".md", markdown("Alpha", i, sections)), sections);
            // beta reuses alpha's file names: same names, other workspace, other documents
            sectionsB.put(upload(beta, "alpha-" + i + ".md", markdown("Beta", i, sections + 1)), sections + 1);
        }
        awaitIndexed(alpha, sectionsA.keySet());
        awaitIndexed(beta, sectionsB.keySet());
        index.refresh();

        long totalA = 0;
        for (var e : sectionsA.entrySet()) {
            assertPassages(alpha, e.getKey(), 1, e.getValue());
            assertThat(index.countDocument(beta.id(), e.getKey())).as("alpha's document under beta").isZero();
            totalA += e.getValue();
        }
        long totalB = 0;
        for (var e : sectionsB.entrySet()) {
            assertPassages(beta, e.getKey(), 1, e.getValue());
            assertThat(index.countDocument(alpha.id(), e.getKey())).as("beta's document under alpha").isZero();
            totalB += e.getValue();
        }
        assertThat(index.count(alpha.id())).isEqualTo(totalA);
        assertThat(index.count(beta.id())).isEqualTo(totalB);
        assertThat(knowledge.status(alpha.id()).chunks()).isEqualTo(totalA);
        // each passage is indexed under its own document's title
        assertThat(index.bm25(beta.id(), Audience.TEAM, "Beta product 7 shipping", 5)).isNotEmpty()
                .allSatisfy(h -> assertThat(h.title()).startsWith("Beta"));
    }

    @Test
    void oneBadFileAmongManyFailsAloneWithItsMessage() {
        List<UUID> good = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            good.add(upload(alpha, "good-" + i + ".md", markdown("Good", i, 2)));
        }
        UUID bad = upload(alpha, "empty-page.html",
                "<!DOCTYPE html><html><head><title>x</title></head><body><script>var a = 1;</script></body></html>");
        for (int i = 6; i < 12; i++) {
            good.add(upload(alpha, "good-" + i + ".md", markdown("Good", i, 2)));
        }
        awaitIndexed(alpha, good);
        await(() -> documents.version(alpha.id(), bad, 1).map(DocumentVersionView::status)
                .filter(s -> s == DocumentStatus.FAILED).isPresent());
        index.refresh();

        DocumentVersionView failed = documents.version(alpha.id(), bad, 1).orElseThrow();
        assertThat(failed.statusDetail()).contains("No text found");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(index.countDocument(alpha.id(), bad)).isZero();
        for (UUID id : good) {
            assertPassages(alpha, id, 1, 2);
        }
        assertThat(knowledge.status(alpha.id()).failed()).isEqualTo(1);
    }

    @Test
    void aBatchThatBreaksAfterIndexingIsRetriedWithoutDuplicateChunks() {
        AtomicBoolean broke = new AtomicBoolean();
        batches.beforeMarking = () -> {
            if (broke.compareAndSet(false, true)) {
                throw new IllegalStateException("simulated crash between indexing and marking");
            }
        };
        try {
            Map<UUID, Integer> sections = new LinkedHashMap<>();
            for (int i = 0; i < 8; i++) {
                sections.put(upload(alpha, "crash-" + i + ".md", markdown("Crash", i, 1 + i % 3)), 1 + i % 3);
            }
            awaitIndexed(alpha, sections.keySet());
            index.refresh();

            assertThat(broke).as("the simulated crash happened").isTrue();
            int retried = 0;
            for (var e : sections.entrySet()) {
                assertPassages(alpha, e.getKey(), 1, e.getValue());
                if (documents.version(alpha.id(), e.getKey(), 1).orElseThrow().attempts() > 1) {
                    retried++;
                }
            }
            assertThat(retried).as("documents of the broken batch ran again").isPositive();
            assertThat(index.count(alpha.id())).isEqualTo(sections.values().stream().mapToInt(i -> i).sum());
        } finally {
            batches.beforeMarking = () -> {
            };
        }
    }

    @Test
    void reuploadsInTheSameBatchKeepTheNewestVersionLive() {
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            others.add(upload(alpha, "other-" + i + ".md", markdown("Other", i, 1)));
        }
        UUID doc = upload(alpha, "policy.md", "# Policy\n\nRefunds within 10 days of purchase.");
        upload(alpha, "policy.md", "# Policy\n\nRefunds within 20 days of purchase.\n\n## Extra\n\nSecond part here.");
        upload(alpha, "policy.md", "# Policy\n\nRefunds within 30 days of purchase.\n\n## More\n\nAnother part."
                + "\n\n## Last\n\nThird part.");
        for (int i = 4; i < 8; i++) {
            others.add(upload(alpha, "other-" + i + ".md", markdown("Other", i, 1)));
        }
        awaitIndexed(alpha, others);
        await(() -> documents.version(alpha.id(), doc, 3).map(DocumentVersionView::status)
                .filter(s -> s == DocumentStatus.INDEXED).isPresent());
        // the older versions end superseded, whether they were made live first or overtaken
        await(() -> documents.versions(alpha.id(), doc).stream().filter(v -> v.version() < 3)
                .allMatch(v -> v.status() == DocumentStatus.SUPERSEDED));
        index.refresh();

        assertThat(documents.summary(alpha.id(), doc).orElseThrow().liveVersion()).isEqualTo(3);
        assertPassages(alpha, doc, 3, 3);
        assertThat(documents.chunks(alpha.id(), doc, 1)).isEmpty();
        assertThat(documents.chunks(alpha.id(), doc, 2)).isEmpty();
        assertThat(index.bm25(alpha.id(), Audience.TEAM, "refunds days purchase", 10))
                .filteredOn(h -> h.documentId().equals(doc))
                .isNotEmpty().extracting(IndexHit::version).containsOnly(3);
    }

    private UUID upload(CurrentTenant tenant, String filename, String text) {
        UploadResult result = knowledge.upload(tenant, filename, text.getBytes(StandardCharsets.UTF_8), null,
                Visibility.PUBLIC);
        assertThat(result.accepted()).as(result.message()).isTrue();
        return result.documentId();
    }

    private void awaitIndexed(CurrentTenant tenant, java.util.Collection<UUID> ids) {
        await(() -> ids.stream().allMatch(id -> documents.version(tenant.id(), id, 1).map(v -> {
            assertThat(v.status()).as("status of %s (%s)", id, v.statusDetail()).isNotEqualTo(DocumentStatus.FAILED);
            return v.status() == DocumentStatus.INDEXED;
        }).orElse(false)));
    }

    /** The version's passages: as many as expected, in PostgreSQL and in Elasticsearch, none twice. */
    private void assertPassages(CurrentTenant tenant, UUID doc, int version, int expected) {
        DocumentVersionView v = documents.version(tenant.id(), doc, version).orElseThrow();
        assertThat(v.chunkCount()).as("chunk count of %s", doc).isEqualTo(expected);
        assertThat(documents.chunks(tenant.id(), doc, version)).hasSize(expected);
        assertThat(index.countDocument(tenant.id(), doc)).as("chunks of %s in Elasticsearch", doc)
                .isEqualTo(expected);
    }

    /** A Markdown document whose sections are each one passage (short sections under distinct headings). */
    static String markdown(String company, int i, int sections) {
        StringBuilder b = new StringBuilder("# " + company + " product " + i + "\n\n");
        String[] topics = {"shipping", "returns", "warranty", "billing", "repairs"};
        for (int s = 0; s < sections; s++) {
            b.append("## ").append(topics[s]).append(" for ").append(company).append(" product ").append(i)
                    .append("\n\n").append(company).append(" product ").append(i).append(" has ").append(topics[s])
                    .append(" rules number ").append(i * 10 + s).append(": ask the team about ").append(topics[s])
                    .append(" before day ").append(s + 3).append(".\n\n");
        }
        return b.toString();
    }
}
