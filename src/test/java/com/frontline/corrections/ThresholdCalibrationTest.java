package com.frontline.corrections;

import com.frontline.search.internal.MiniLmTextEmbedder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The verified-answer threshold, calibrated: the labelled pairs in {@code corrections/paraphrase-pairs.tsv} are
 * embedded with the app's embedder, precision and recall are printed per threshold, and the chosen threshold must be
 * {@link MatchThreshold#DEFAULT}. When the data or the embedder change, this fails and says what to set.
 */
class ThresholdCalibrationTest {

    @Test
    void choosesTheThresholdWithTheBestRecallAtTheTargetPrecision() {
        List<ThresholdCalibration.Pair> pairs = List.of(
                new ThresholdCalibration.Pair(true, 0.95), new ThresholdCalibration.Pair(true, 0.88),
                new ThresholdCalibration.Pair(true, 0.80), new ThresholdCalibration.Pair(false, 0.84),
                new ThresholdCalibration.Pair(false, 0.60));
        var rows = ThresholdCalibration.table(pairs, 0.70, 0.99);

        var chosen = ThresholdCalibration.choose(rows, 0.95).orElseThrow();

        // at 0.80 the 0.84 different pair is matched too (precision 3/4); from 0.85 only same pairs are
        assertThat(chosen.threshold()).isCloseTo(0.88, within(1e-9)); // 0.85 to 0.88 tie: the safer one
        assertThat(chosen.precision()).isEqualTo(1.0);
        assertThat(chosen.recall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(ThresholdCalibration.choose(rows, 0.70).orElseThrow().threshold()).isCloseTo(0.80, within(1e-9));
    }

    @Test
    void noThresholdReachesThePrecisionWhenADifferentPairScoresHighest() {
        var rows = ThresholdCalibration.table(List.of(new ThresholdCalibration.Pair(false, 0.99),
                new ThresholdCalibration.Pair(true, 0.98)), 0.70, 0.99);

        assertThat(ThresholdCalibration.choose(rows, 0.95)).isEmpty();
    }

    @Test
    void theDefaultThresholdIsTheOneThePairsCalibrate() throws IOException {
        List<String[]> labelled = pairs();
        assertThat(labelled).hasSizeGreaterThanOrEqualTo(150);
        MiniLmTextEmbedder embedder = new MiniLmTextEmbedder(null);
        List<ThresholdCalibration.Pair> scored = new ArrayList<>();
        for (String[] p : labelled) {
            scored.add(new ThresholdCalibration.Pair(p[0].equals("1"),
                    Vectors.cosine(embedder.embed(p[1]), embedder.embed(p[2]))));
        }
        // printed from 0.50 to show what lower thresholds would do; chosen only within what an admin may set
        var rows = ThresholdCalibration.table(scored, 0.50, MatchThreshold.MAX);
        System.out.printf(Locale.ROOT, "%d pairs (%d same question, %d different)%n", scored.size(),
                scored.stream().filter(ThresholdCalibration.Pair::same).count(),
                scored.stream().filter(p -> !p.same()).count());
        System.out.println("threshold  matched  precision  recall");
        rows.forEach(r -> System.out.printf(Locale.ROOT, "%9.2f  %7d  %9.3f  %6.3f%n", r.threshold(), r.matched(),
                r.precision(), r.recall()));

        var chosen = ThresholdCalibration.choose(rows.stream().filter(r -> r.threshold() >= MatchThreshold.MIN)
                .toList(), MatchThreshold.TARGET_PRECISION).orElseThrow();
        System.out.printf(Locale.ROOT, "chosen: %.2f (precision %.3f, recall %.3f)%n", chosen.threshold(),
                chosen.precision(), chosen.recall());

        assertThat(chosen.precision()).isGreaterThanOrEqualTo(MatchThreshold.TARGET_PRECISION);
        assertThat(MatchThreshold.DEFAULT).as("set MatchThreshold.DEFAULT to the calibrated threshold")
                .isCloseTo(chosen.threshold(), within(0.005));
    }

    static List<String[]> pairs() throws IOException {
        try (InputStream in = Objects.requireNonNull(
                ThresholdCalibrationTest.class.getResourceAsStream("/corrections/paraphrase-pairs.tsv"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
        }
    }
}
