package com.frontline.corrections;

import com.frontline.search.internal.MiniLmTextEmbedder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Above 2,000 approved questions the sign-bit prefilter finds what the exact comparison finds. */
class ApprovedQuestionsTest {

    @Test
    void thePrefilterFindsTheSameMatchesAsTheExactComparisonOnRealEmbeddings() throws IOException {
        MiniLmTextEmbedder embedder = new MiniLmTextEmbedder(null);
        Set<String> questions = new LinkedHashSet<>();
        List<String[]> pairs = ThresholdCalibrationTest.pairs();
        pairs.forEach(p -> questions.add(p[1]));
        List<String> stored = new ArrayList<>(questions);
        List<float[]> vectors = embedder.embedAll(stored);
        List<CorrectionRepository.Approved> approved = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            approved.add(new CorrectionRepository.Approved(UUID.randomUUID(), stored.get(i), "A", null,
                    vectors.get(i)));
        }
        // fill up to 10,000 with other real-looking vectors: the stored ones with noise, so that many share signs
        Random random = new Random(1);
        while (approved.size() < 10_000) {
            float[] base = vectors.get(random.nextInt(vectors.size()));
            float[] noisy = new float[base.length];
            for (int d = 0; d < base.length; d++) {
                noisy[d] = base[d] + (float) random.nextGaussian() * 0.08f;
            }
            approved.add(new CorrectionRepository.Approved(UUID.randomUUID(), "filler", "A", null, noisy));
        }
        var snapshot = new ApprovedQuestions.Snapshot(approved, MatchThreshold.DEFAULT, Instant.now());

        int compared = 0;
        for (String[] pair : pairs) {
            float[] query = Vectors.unit(embedder.embed(pair[2]));
            var exact = snapshot.exactBest(query).orElseThrow();
            if (exact.similarity() < MatchThreshold.MIN) {
                continue; // would not match anyway
            }
            compared++;
            var fast = snapshot.prefilteredBest(query).orElseThrow();
            assertThat(fast.correction().id()).as(pair[2]).isEqualTo(exact.correction().id());
        }
        assertThat(compared).isGreaterThan(20);
    }
}
