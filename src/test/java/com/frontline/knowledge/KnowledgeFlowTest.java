package com.frontline.knowledge;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.search.Audience;
import com.frontline.search.IndexHit;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.Visibility;
import com.frontline.shared.CurrentTenant;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads go through the real background path: durable event, db-scheduler task, parse, chunk, MiniLM embeddings,
 * PostgreSQL and the embedded Elasticsearch.
 */
@IntegrationTest
class KnowledgeFlowTest {

    static final String REFUNDS_V1 = """
            # Refunds
            You can ask for a refund within 30 days of purchase.
            ## Digital goods
            Downloads are refundable only when they were never opened.
            """;
    static final String REFUNDS_V2 = """
            # Refunds
            You can ask for a refund within 60 days of purchase.
            ## Digital goods
            Downloads are refundable within 14 days.
            """;

    @Autowired KnowledgeService knowledge;
    @Autowired KnowledgeIndex index;
    @Autowired IngestionPipeline pipeline;
    @Autowired DocumentRepository documents;
    @Autowired TestAccounts accounts;
    @Autowired MockMvc mvc;

    CurrentTenant tenant;
    CurrentTenant other;

    @BeforeEach
    void twoWorkspaces() throws Exception {
        var alice = accounts.signedIn(mvc, "alice");
        tenant = accounts.asMember(alice, accounts.workspace(alice, "Refund Co"));
        var bob = accounts.signedIn(mvc, "bob");
        other = accounts.asMember(bob, accounts.workspace(bob, "Other Co"));
    }

    @Test
    void anUploadIsIndexedThenANewVersionReplacesItWithoutAGap() {
        UploadResult first = knowledge.upload(tenant, "refunds.md", REFUNDS_V1.getBytes(StandardCharsets.UTF_8), null, Visibility.PUBLIC);
        assertThat(first.accepted()).isTrue();
        UUID doc = first.documentId();
        awaitStatus(doc, 1, DocumentStatus.INDEXED);
        index.refresh();
        assertThat(index.count(tenant.id())).isPositive();
        assertThat(index.bm25(tenant.id(), Audience.TEAM, "refund days", 5)).extracting(IndexHit::version).containsOnly(1);
        assertThat(knowledge.status(tenant.id()).state()).isEqualTo(KnowledgeStatus.State.READY);

        UploadResult again = knowledge.upload(tenant, "copy.md", REFUNDS_V1.getBytes(StandardCharsets.UTF_8), null, Visibility.PUBLIC);
        assertThat(again.accepted()).isFalse();
        assertThat(again.message()).contains("already in the knowledge base");

        UploadResult second = knowledge.upload(tenant, "refunds.md", REFUNDS_V2.getBytes(StandardCharsets.UTF_8), null, Visibility.PUBLIC);
        assertThat(second.documentId()).isEqualTo(doc);
        assertThat(second.version()).isEqualTo(2);
        awaitStatus(doc, 2, DocumentStatus.INDEXED);
        index.refresh();
        List<IndexHit> hits = index.bm25(tenant.id(), Audience.TEAM, "refund days", 10);
        assertThat(hits).isNotEmpty().extracting(IndexHit::version).containsOnly(2);
        assertThat(documents.version(tenant.id(), doc, 1)).map(DocumentVersionView::status)
                .contains(DocumentStatus.SUPERSEDED);
        assertThat(documents.chunks(tenant.id(), doc, 1)).isEmpty();

        // the other workspace sees none of it
        assertThat(knowledge.documents(other.id())).isEmpty();
        assertThat(index.count(other.id())).isZero();
        assertThat(index.bm25(other.id(), Audience.TEAM, "refund", 10)).isEmpty();

        knowledge.delete(tenant, doc);
        await(() -> { index.refresh(); return index.count(tenant.id()) == 0; });
        assertThat(knowledge.documents(tenant.id())).isEmpty();
    }

    @Test
    void runningTheSameJobTwiceLeavesNoDuplicates() {
        UploadResult up = knowledge.upload(tenant, "faq.md", REFUNDS_V1.replace("30", "45").getBytes(StandardCharsets.UTF_8), null, Visibility.PUBLIC);
        awaitStatus(up.documentId(), 1, DocumentStatus.INDEXED);
        index.refresh();
        long indexed = index.count(tenant.id());
        int stored = documents.chunks(tenant.id(), up.documentId(), 1).size();

        documents.setStatus(tenant.id(), up.documentId(), 1, DocumentStatus.QUEUED, null); // as if the job re-ran
        pipeline.ingest(tenant.id(), up.documentId(), 1);
        index.refresh();
        assertThat(index.count(tenant.id())).isEqualTo(indexed);
        assertThat(documents.chunks(tenant.id(), up.documentId(), 1)).hasSize(stored);
    }

    @Test
    void aRebuildReindexesTheLiveVersionsOnly() {
        UploadResult a = knowledge.upload(tenant, "a.md", REFUNDS_V1.getBytes(StandardCharsets.UTF_8), null, Visibility.PUBLIC);
        awaitStatus(a.documentId(), 1, DocumentStatus.INDEXED);
        knowledge.upload(tenant, "a.md", REFUNDS_V2.getBytes(StandardCharsets.UTF_8), null, Visibility.PUBLIC);
        awaitStatus(a.documentId(), 2, DocumentStatus.INDEXED);
        UploadResult b = knowledge.addText(tenant, "Hours", "Open Monday to Friday.", Visibility.PUBLIC);
        awaitStatus(b.documentId(), 1, DocumentStatus.INDEXED);
        index.refresh();
        long before = index.count(tenant.id());

        knowledge.rebuild(tenant);
        await(() -> {
            KnowledgeStatus.RebuildProgress p = knowledge.status(tenant.id()).rebuild();
            return p != null && p.finished();
        });
        index.refresh();
        assertThat(knowledge.status(tenant.id()).rebuild().done()).isEqualTo(2);
        assertThat(index.count(tenant.id())).isEqualTo(before);
        assertThat(index.bm25(tenant.id(), Audience.TEAM, "refund days", 10)).extracting(IndexHit::version).containsOnly(2);
        assertThat(index.count(other.id())).isZero();
    }

    @Test
    void badFilesAreRefusedAtOnceAndNothingIsStored() {
        assertThat(knowledge.upload(tenant, "empty.txt", new byte[0], null, Visibility.PUBLIC).message()).contains("empty");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        UploadResult image = knowledge.upload(tenant, "logo.png", png, null, Visibility.PUBLIC);
        assertThat(image.accepted()).isFalse();
        assertThat(knowledge.documents(tenant.id())).isEmpty();
    }

    @Test
    void pastedTextIsIndexedLikeAFile() {
        UploadResult up = knowledge.addText(tenant, "Opening hours", "We are open Monday to Friday, 9 to 17.", Visibility.PUBLIC);
        awaitStatus(up.documentId(), 1, DocumentStatus.INDEXED);
        index.refresh();
        assertThat(index.bm25(tenant.id(), Audience.TEAM, "opening hours monday", 3)).isNotEmpty();
    }

    private void awaitStatus(UUID doc, int version, DocumentStatus expected) {
        await(() -> documents.version(tenant.id(), doc, version)
                .map(v -> {
                    assertThat(v.status()).as("status of v%d (%s)", version, v.statusDetail())
                            .isNotEqualTo(DocumentStatus.FAILED);
                    return v.status() == expected;
                }).orElse(false));
    }

}
