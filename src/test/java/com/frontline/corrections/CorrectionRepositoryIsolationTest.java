package com.frontline.corrections;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.shared.Actor;
import com.frontline.shared.TenantId;
import com.frontline.tenants.TenantService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Workspace B, knowing A's correction ids, can neither read nor change A's corrections (and the reverse). */
@IntegrationTest
@Transactional
class CorrectionRepositoryIsolationTest {

    @Autowired CorrectionRepository corrections;
    @Autowired TestAccounts accounts;
    @Autowired TenantService tenants;

    private static float[] vector(float first) {
        float[] v = new float[384];
        v[0] = first;
        v[1] = 1;
        return v;
    }

    private TenantId workspace(String owner, String name) {
        var user = accounts.user(owner);
        return tenants.createWorkspace(new Actor(user.id(), user.email()), name, TestAccounts.unique("ws"), "Other")
                .id();
    }

    private UUID add(TenantId tenant, String question) {
        UUID id = UUID.randomUUID();
        corrections.insert(tenant, new CorrectionRepository.NewCorrection(id, question, "Answer to " + question, null,
                null, CorrectionOrigin.MANUAL, null, null, null, "someone", vector(1)));
        return id;
    }

    @Test
    void eachWorkspaceSeesAndChangesOnlyItsOwnCorrections() {
        TenantId a = workspace("alice", "A Corp");
        TenantId b = workspace("bob", "B Corp");
        UUID ofA = add(a, "How do I return an item?");
        UUID ofB = add(b, "Where is my parcel?");

        assertThat(corrections.findById(b, ofA)).isEmpty();
        assertThat(corrections.history(b, ofA)).isEmpty();
        assertThat(corrections.list(b, CorrectionStatus.PENDING, 10)).extracting(Correction::id).containsExactly(ofB);
        assertThat(corrections.counts(b).get(CorrectionStatus.PENDING)).isEqualTo(1);

        // B aims every write at A's id: nothing changes
        assertThat(corrections.review(b, ofA, 1, List.of(CorrectionStatus.PENDING), CorrectionStatus.APPROVED,
                "approved", 5, null, "bob")).isFalse();
        assertThat(corrections.updateText(b, ofA, 1, List.of(CorrectionStatus.PENDING),
                new CorrectionRepository.NewText("hijacked", "hijacked", null, null, vector(2)), "bob")).isEmpty();
        corrections.countHit(b, ofA);
        corrections.countAlsoAsked(b, ofA);
        Correction untouched = corrections.findById(a, ofA).orElseThrow();
        assertThat(untouched.status()).isEqualTo(CorrectionStatus.PENDING);
        assertThat(untouched.question()).isEqualTo("How do I return an item?");
        assertThat(untouched.hitCount()).isZero();
        assertThat(untouched.alsoAsked()).isZero();
        assertThat(untouched.version()).isEqualTo(1);

        // approved ones, pending questions, the export and the threshold are per workspace too
        assertThat(corrections.review(a, ofA, 1, List.of(CorrectionStatus.PENDING), CorrectionStatus.APPROVED,
                "approved", 5, null, "alice")).isTrue();
        assertThat(corrections.approved(a)).extracting(CorrectionRepository.Approved::id).containsExactly(ofA);
        assertThat(corrections.approved(b)).isEmpty();
        assertThat(corrections.pendingQuestions(a)).isEmpty();
        assertThat(corrections.pendingQuestions(b)).extracting(CorrectionRepository.PendingQuestion::id)
                .containsExactly(ofB);
        assertThat(corrections.exportedIds(a, 4)).containsExactly(ofA);
        assertThat(corrections.exportedIds(b, 4)).isEmpty();
        java.util.List<UUID> exportedByB = new java.util.ArrayList<>();
        corrections.forEachExported(b, 4, e -> exportedByB.add(e.id()));
        assertThat(exportedByB).isEmpty();
        corrections.saveThreshold(a, 0.9);
        assertThat(corrections.threshold(a)).contains(0.9);
        assertThat(corrections.threshold(b)).isEmpty();

        // the same conversation id in two workspaces is two proposals
        UUID conversation = UUID.randomUUID();
        assertThat(corrections.recordHandoff(a, conversation, ofA)).isTrue();
        assertThat(corrections.handoffProposed(b, conversation)).isFalse();
        assertThat(corrections.recordHandoff(b, conversation, ofB)).isTrue();
        assertThat(corrections.recordHandoff(a, conversation, ofA)).isFalse();
    }
}
