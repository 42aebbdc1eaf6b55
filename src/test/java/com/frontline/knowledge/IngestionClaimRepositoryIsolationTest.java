package com.frontline.knowledge;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.search.Visibility;
import com.frontline.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two workspaces whose documents share ids (B reuses A's document id) and whose jobs even use the same holder name:
 * a claim, a release or a label lookup in one never reaches the other's versions.
 */
@IntegrationTest
class IngestionClaimRepositoryIsolationTest {

    private static final Duration LEASE = Duration.ofMinutes(10);

    @Autowired IngestionClaimRepository claims;
    @Autowired DocumentRepository documents;
    @Autowired TestAccounts accounts;
    @Autowired MockMvc mvc;

    @Test
    void claimsReleasesAndLabelsStayInTheirWorkspace() throws Exception {
        TenantId a = accounts.workspace(accounts.signedIn(mvc, "alice"), "A Corp").id();
        TenantId b = accounts.workspace(accounts.signedIn(mvc, "bob"), "B Corp").id();
        UUID doc = UUID.randomUUID();
        UUID onlyA = UUID.randomUUID();
        waiting(a, doc, "A's refunds");
        waiting(a, onlyA, "A's shipping");
        waiting(b, doc, "B's refunds");

        // B claims as much as it may: only its own version, never A's with the same id, nor A's other document
        List<IngestionClaimRepository.Claimed> byB = claims.claim(b, "job", doc, 1, 100, Long.MAX_VALUE, LEASE);
        assertThat(byB).singleElement().satisfies(c -> assertThat(c.filename()).isEqualTo("B's refunds.md"));
        assertThat(claims.labels(b, List.of(doc, onlyA))).containsOnlyKeys(doc)
                .extractingByKey(doc).extracting(IngestionClaimRepository.Labels::title).isEqualTo("B's refunds");

        // A's versions are still free for A, under the same holder name
        List<IngestionClaimRepository.Claimed> byA = claims.claim(a, "job", doc, 1, 100, Long.MAX_VALUE, LEASE);
        assertThat(byA).extracting(IngestionClaimRepository.Claimed::documentId).containsExactly(doc, onlyA);

        // B lets go of "its" claims on both ids: A's stay held (another job cannot take them) ...
        claims.release(b, "job", byA);
        assertThat(claims.claim(a, "another job", doc, 1, 100, Long.MAX_VALUE, LEASE)).isEmpty();
        assertThat(documents.version(a, doc, 1)).map(DocumentVersionView::status).contains(DocumentStatus.PARSING);
        // ... and B's own is released and waiting again
        claims.release(b, "job", byB);
        assertThat(documents.version(b, doc, 1)).map(DocumentVersionView::status).contains(DocumentStatus.QUEUED);
        List<IngestionClaimRepository.Claimed> again = claims.claim(b, "another job", doc, 1, 100, Long.MAX_VALUE,
                LEASE);
        assertThat(again).hasSize(1);

        // released, all three wait again; the sweep reports each version under its own workspace
        claims.release(a, "job", byA);
        claims.release(b, "another job", again);
        List<IngestionClaimRepository.Stalled> stalled = claims.stalled(OffsetDateTime.now().plusMinutes(1), 10_000);
        assertThat(stalled).filteredOn(s -> s.documentId().equals(onlyA))
                .extracting(IngestionClaimRepository.Stalled::tenant).containsExactly(a);
        assertThat(stalled).filteredOn(s -> s.documentId().equals(doc))
                .extracting(IngestionClaimRepository.Stalled::tenant).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void aClaimTakesItsOwnDocumentFirstAndStopsAtTheByteLimit() throws Exception {
        TenantId a = accounts.workspace(accounts.signedIn(mvc, "carol"), "C Corp").id();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID own = UUID.randomUUID();
        waiting(a, first, "First");
        waiting(a, second, "Second");
        waiting(a, own, "Own");

        // each file is 3 bytes: a 7-byte limit takes the own one and one more, oldest first
        assertThat(claims.claim(a, "job", own, 1, 100, 7, LEASE))
                .extracting(IngestionClaimRepository.Claimed::documentId).containsExactly(own, first);
        // the own version held by another job: nothing is claimed at all
        assertThat(claims.claim(a, "other job", own, 1, 100, Long.MAX_VALUE, LEASE)).isEmpty();
        // a retry of the same job takes its claims back, plus what is free
        assertThat(claims.claim(a, "job", own, 1, 100, Long.MAX_VALUE, LEASE))
                .extracting(IngestionClaimRepository.Claimed::documentId).containsExactly(own, first, second);
        assertThat(documents.version(a, own, 1)).map(DocumentVersionView::attempts).contains(2);
    }

    private void waiting(TenantId tenant, UUID doc, String title) {
        documents.insertDocument(tenant, doc, title, title + ".md", DocumentRepository.TitleSource.FILE_NAME,
                Visibility.PUBLIC);
        int version = documents.nextVersion(tenant, doc);
        documents.insertVersion(tenant, doc, version, "MARKDOWN", "sha-" + UUID.randomUUID(), 3, null,
                "text/markdown", new byte[]{'a', 'b', 'c'});
    }
}
