package com.frontline.corrections;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The rules without the app: form checks, review conflicts, the threshold match, the export's split and format. */
class CorrectionRulesTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-07T12:00:00Z");

    static Correction correction(CorrectionStatus status, int version, String lastAction, OffsetDateTime updatedAt) {
        return new Correction(UUID.randomUUID(), "Q?", "A.", null, null, status, CorrectionOrigin.MANUAL, null, null,
                "sam@example.com", null, null, 1, version, lastAction, "Sam", 0, 0, NOW.minusDays(1), updatedAt);
    }

    @Test
    void aFormFromAnOlderVersionIsRefusedWithWhoChangedItAndWhen() {
        Correction approved = correction(CorrectionStatus.APPROVED, 3, "approved", NOW.minusSeconds(70));

        assertThatThrownBy(() -> CorrectionConflictException.check(approved, 2, ReviewAction.APPROVE, NOW))
                .isInstanceOf(CorrectionConflictException.class)
                .hasMessage("Sam approved this 1 minute ago; reload the page to see the current version. "
                        + "Nothing was changed.");
        assertThatThrownBy(() -> CorrectionConflictException.check(
                correction(CorrectionStatus.PENDING, 5, "edited", NOW.minusHours(3)), 4, ReviewAction.REJECT, NOW))
                .hasMessageStartingWith("Sam edited this 3 hours ago");
    }

    @Test
    void onlyPendingCorrectionsAreApprovedOrRejectedAndOnlyApprovedOnesRetired() {
        assertThatThrownBy(() -> CorrectionConflictException.check(
                correction(CorrectionStatus.APPROVED, 2, "approved", NOW), 2, ReviewAction.APPROVE, NOW))
                .hasMessage("This correction is already approved.");
        assertThatThrownBy(() -> CorrectionConflictException.check(
                correction(CorrectionStatus.REJECTED, 2, "rejected", NOW), 2, ReviewAction.APPROVE, NOW))
                .hasMessageContaining("was rejected");
        assertThatThrownBy(() -> CorrectionConflictException.check(
                correction(CorrectionStatus.PENDING, 1, "created", NOW), 1, ReviewAction.RETIRE, NOW))
                .hasMessageContaining("Only an approved correction can be retired");
        CorrectionConflictException.check(correction(CorrectionStatus.PENDING, 1, "created", NOW), 1,
                ReviewAction.APPROVE, NOW);
        CorrectionConflictException.check(correction(CorrectionStatus.APPROVED, 2, "approved", NOW), 2,
                ReviewAction.EDIT, NOW);
    }

    @Test
    void theFormRefusesEmptyTooLongAndNonWebInput() {
        assertThat(new CorrectionForm(" ", "", null, null).errors())
                .containsOnlyKeys("question", "answer");
        assertThat(new CorrectionForm("Q?", "a".repeat(5001), null, null).errors().get("answer"))
                .isEqualTo("Keep it to 5000 characters; this is 5001.");
        assertThat(new CorrectionForm("Q?", "a".repeat(5000), "https://help.example.com/returns", "Returns")
                .errors()).isEmpty();
        for (String bad : List.of("javascript:alert(1)", "ftp://example.com/x", "help.example.com",
                "https://user:pw@example.com/", "https://exa mple.com")) {
            assertThat(new CorrectionForm("Q?", "A.", bad, null).errors()).as(bad).containsKey("sourceUrl");
        }
    }

    @Test
    void aQuestionMatchesTheNearestApprovedOneOnlyAtOrAboveTheThreshold() {
        var refunds = new CorrectionRepository.Approved(UUID.randomUUID(), "Refunds?", "5 days.", null,
                new float[]{1, 0, 0});
        var shipping = new CorrectionRepository.Approved(UUID.randomUUID(), "Shipping?", "3 days.",
                "https://example.com", new float[]{0, 2, 0});
        var snapshot = new ApprovedQuestions.Snapshot(List.of(refunds, shipping), 0.8, NOW.toInstant());

        var match = VerifiedAnswerLookup.best(snapshot, new float[]{0.1f, 0.9f, 0.1f}).orElseThrow();
        assertThat(match.correctionId()).isEqualTo(shipping.id());
        assertThat(match.sourceUrl()).isEqualTo("https://example.com");
        assertThat(match.similarity()).isCloseTo(0.9 / Math.sqrt(0.83), within(1e-6));
        // cosine 0.707 with either: below 0.8
        assertThat(VerifiedAnswerLookup.best(snapshot, new float[]{1, 1, 0})).isEmpty();
        assertThat(VerifiedAnswerLookup.best(new ApprovedQuestions.Snapshot(List.of(), 0.8, NOW.toInstant()),
                new float[]{1, 0, 0})).isEmpty();
    }

    @Test
    void theCacheKeepsAtMostSoManyWorkspacesAndReloadsAfterInvalidation() {
        ApprovedQuestions cache = new ApprovedQuestions();
        int[] loads = {0};
        for (int i = 0; i < ApprovedQuestions.MAX_TENANTS + 10; i++) {
            cache.of(com.frontline.shared.TenantId.of(UUID.randomUUID()), t -> {
                loads[0]++;
                return new ApprovedQuestions.Snapshot(List.of(), 0.8, cache.now());
            });
        }
        assertThat(cache.cachedTenants()).isEqualTo(ApprovedQuestions.MAX_TENANTS);
        var tenant = com.frontline.shared.TenantId.of(UUID.randomUUID());
        cache.of(tenant, t -> new ApprovedQuestions.Snapshot(List.of(), 0.8, cache.now()));
        int before = loads[0];
        cache.of(tenant, t -> {
            loads[0]++;
            return new ApprovedQuestions.Snapshot(List.of(), 0.8, cache.now());
        });
        assertThat(loads[0]).isEqualTo(before);
        cache.invalidate(tenant);
        cache.of(tenant, t -> {
            loads[0]++;
            return new ApprovedQuestions.Snapshot(List.of(), 0.8, cache.now());
        });
        assertThat(loads[0]).isEqualTo(before + 1);
    }

    @Test
    void theSplitIsStableAcrossRunsAndAboutEightyTwenty() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            ids.add(UUID.nameUUIDFromBytes(("correction-" + i).getBytes()));
        }
        Map<UUID, TrainingSplit> first = new HashMap<>();
        ids.forEach(id -> first.put(id, TrainingSplit.of(id)));
        // the same ids in another order, as a later run would list them
        List<UUID> shuffled = new ArrayList<>(ids);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        shuffled.forEach(id -> assertThat(TrainingSplit.of(id)).isEqualTo(first.get(id)));
        long train = first.values().stream().filter(s -> s == TrainingSplit.TRAIN).count();
        assertThat(train / 5000.0).isCloseTo(0.80, within(0.02));
        // fixed by the hash, not by this JVM: a known id keeps its split
        assertThat(TrainingSplit.of(UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .isEqualTo(TrainingSplit.of(UUID.fromString("00000000-0000-0000-0000-000000000001")));
        assertThat(TrainingSplit.parse(" Validation ")).isEqualTo(TrainingSplit.VALIDATION);
        assertThatThrownBy(() -> TrainingSplit.parse("all")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExampleIsOneLineOfOpenAiChatFineTuningJson() {
        JsonMapper json = JsonMapper.builder().build();
        String line = TrainingExport.line(json, "You are Ava.\nRules: …", "How do I \"return\" it?",
                "Print the label.\n<b>Then</b> post it.");

        assertThat(line).endsWith("\n").doesNotContain("\n\"").hasLineCount(1);
        JsonNode example = json.readTree(line);
        assertThat(example.propertyNames()).containsExactly("messages");
        assertThat(example.get("messages")).hasSize(3);
        assertThat(example.get("messages").get(0).get("role").asString()).isEqualTo("system");
        assertThat(example.get("messages").get(0).get("content").asString()).isEqualTo("You are Ava.\nRules: …");
        assertThat(example.get("messages").get(1).get("role").asString()).isEqualTo("user");
        assertThat(example.get("messages").get(1).get("content").asString()).isEqualTo("How do I \"return\" it?");
        assertThat(example.get("messages").get(2).get("role").asString()).isEqualTo("assistant");
        assertThat(example.get("messages").get(2).get("content").asString())
                .isEqualTo("Print the label.\n<b>Then</b> post it.");
    }

    @Test
    void anExampleLeavesWithPersonalDataRedacted() {
        JsonMapper json = JsonMapper.builder().build();
        String line = TrainingExport.line(json, "You are Ava.", "I'm jane@example.com, card 4111 1111 1111 1111",
                "We will call you on +1 650-253-0000 about order 12345678.");
        JsonNode example = json.readTree(line);
        assertThat(example.get("messages").get(1).get("content").asString()).isEqualTo("I'm [email], card [card]");
        assertThat(example.get("messages").get(2).get("content").asString())
                .isEqualTo("We will call you on [phone] about order 12345678.");
    }
}
