package com.frontline.search.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each expected value is worked out by hand in the comment above it. */
class RetrievalMetricsTest {

    static final List<String> RANKED = List.of("a", "b", "c", "d");
    static final Map<String, Integer> B_AND_D = Map.of("b", 1, "d", 1);

    @Test
    void recallIsTheShareOfRelevantDocumentsInTheFirstK() {
        assertThat(RetrievalMetrics.recall(RANKED, B_AND_D, 1)).isZero();
        // b of {b, d}
        assertThat(RetrievalMetrics.recall(RANKED, B_AND_D, 2)).isEqualTo(0.5);
        assertThat(RetrievalMetrics.recall(RANKED, B_AND_D, 5)).isEqualTo(1.0);
        // a document listed twice is found once
        assertThat(RetrievalMetrics.recall(List.of("b", "b", "x"), B_AND_D, 3)).isEqualTo(0.5);
        assertThat(RetrievalMetrics.recall(List.of(), B_AND_D, 10)).isZero();
    }

    @Test
    void reciprocalRankIsOneOverTheFirstRelevantRankWithinK() {
        // first relevant: b at rank 2
        assertThat(RetrievalMetrics.reciprocalRank(RANKED, B_AND_D, 10)).isEqualTo(0.5);
        assertThat(RetrievalMetrics.reciprocalRank(RANKED, Map.of("a", 1), 10)).isEqualTo(1.0);
        // d at rank 4 lies beyond k = 3
        assertThat(RetrievalMetrics.reciprocalRank(RANKED, Map.of("d", 1), 3)).isZero();
        assertThat(RetrievalMetrics.reciprocalRank(RANKED, Map.of("d", 1), 4)).isEqualTo(0.25);
    }

    @Test
    void ndcgDiscountsEachRelevantDocumentByLog2OfItsRankPlusOne() {
        // DCG = 1/log2(3) + 1/log2(5) = 0.63093 + 0.43068 = 1.06161; ideal = 1/log2(2) + 1/log2(3) = 1.63093
        assertThat(RetrievalMetrics.ndcg(RANKED, B_AND_D, 10)).isCloseTo(1.06161 / 1.63093, within(1e-4));
        // only b counts within k = 2: 0.63093 / 1.63093
        assertThat(RetrievalMetrics.ndcg(RANKED, B_AND_D, 2)).isCloseTo(0.38685, within(1e-4));
        // the best order scores 1
        assertThat(RetrievalMetrics.ndcg(List.of("b", "d", "a"), B_AND_D, 10)).isCloseTo(1.0, within(1e-12));
        assertThat(RetrievalMetrics.ndcg(List.of("x", "y"), B_AND_D, 10)).isZero();
    }

    @Test
    void ndcgUsesGradedScoresAsGains() {
        // a (1) then b (2): DCG = 1 + 2/log2(3) = 2.26186; ideal b then a = 2 + 1/log2(3) = 2.63093
        assertThat(RetrievalMetrics.ndcg(List.of("a", "b"), Map.of("a", 1, "b", 2), 10))
                .isCloseTo(2.26186 / 2.63093, within(1e-4));
    }

    @Test
    void ndcgCountsADocumentListedTwiceOnce() {
        // a at 1; the second a adds nothing; ideal for {a, b} = 1 + 0.63093
        assertThat(RetrievalMetrics.ndcg(List.of("a", "a"), Map.of("a", 1, "b", 1), 10))
                .isCloseTo(1 / 1.63093, within(1e-4));
    }

    @Test
    void percentilesAreNearestRank() {
        double[] oneToTwenty = IntStream.rangeClosed(1, 20).asDoubleStream().toArray();
        // ceil(0.5 * 20) = 10th value; ceil(0.95 * 20) = 19th
        assertThat(RetrievalMetrics.percentile(oneToTwenty, 50)).isEqualTo(10);
        assertThat(RetrievalMetrics.percentile(oneToTwenty, 95)).isEqualTo(19);
        assertThat(RetrievalMetrics.percentile(new double[] { 7, 3 }, 95)).isEqualTo(7);
        assertThat(RetrievalMetrics.percentile(new double[0], 50)).isZero();
    }
}
