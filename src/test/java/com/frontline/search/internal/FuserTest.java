package com.frontline.search.internal;

import com.frontline.search.Fusion;
import com.frontline.search.IndexHit;
import com.frontline.search.IndexedChunk;
import com.frontline.search.RetrievalSettings;
import com.frontline.search.Visibility;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** Hand-computed fusions; each expected score is worked out in the comment above it. */
class FuserTest {

    static final Map<String, UUID> IDS = Map.of("A", id(1), "B", id(2), "C", id(3), "D", id(4), "E", id(5));

    static UUID id(int n) {
        return UUID.fromString("00000000-0000-0000-0000-00000000000" + n);
    }

    static List<IndexHit> hits(Object... nameAndScore) {
        List<IndexHit> hits = new ArrayList<>();
        for (int i = 0; i < nameAndScore.length; i += 2) {
            String name = (String) nameAndScore[i];
            hits.add(new IndexHit(IDS.get(name), UUID.randomUUID(), 1, IndexedChunk.DOCUMENT, Visibility.PUBLIC, name, List.of(), name,
                    null, ((Number) nameAndScore[i + 1]).doubleValue()));
        }
        return hits;
    }

    static RetrievalSettings settings(Fusion fusion, double bm25Weight) {
        return new RetrievalSettings(fusion, bm25Weight, 5, 50, 0);
    }

    @Test
    void weightedSumOfMinMaxNormalisedScores() {
        // BM25 10, 6, 2 -> A 1, B 0.5, C 0; dense 0.9, 0.8, 0.7 -> B 1, D 0.5, A 0. Both lists' top scores stand
        // out equally (z = 1.2247 each), so the query keeps the base weight 0.3:
        // B = 0.3*0.5 + 0.7*1 = 0.85, D = 0.7*0.5 = 0.35, A = 0.3*1 = 0.3, C = 0
        List<Fuser.Fused> fused = Fuser.fuse(hits("A", 10, "B", 6, "C", 2), hits("B", 0.9, "D", 0.8, "A", 0.7),
                settings(Fusion.WEIGHTED, 0.3));

        assertThat(fused).extracting(f -> f.hit().title(), Fuser.Fused::bm25Rank, Fuser.Fused::denseRank)
                .containsExactly(tuple("B", 2, 1), tuple("D", null, 2), tuple("A", 1, 3), tuple("C", 3, null));
        assertThat(fused).extracting(Fuser.Fused::score).usingElementComparator((x, y) -> Math.abs(x - y) < 1e-9 ? 0 : 1)
                .containsExactly(0.85, 0.35, 0.3, 0.0);
        assertThat(fused.get(0).denseScore()).isEqualTo(0.9);
        assertThat(fused.get(3).denseScore()).isNull();
    }

    @Test
    void theQueryWeightLeansTowardsTheListWhoseTopStandsOutMore() {
        // BM25 10, 6, 2: mean 6, deviation 3.266, z = 1.2247, z^2 = 1.5.
        // Dense 0.9, 0.85, 0.85, 0.85: mean 0.8625, deviation 0.02165, z = 1.7321, z^2 = 3.
        // base 0.5: 0.5*1.5 / (0.5*1.5 + 0.5*3) = 1/3
        List<IndexHit> bm25 = hits("A", 10, "B", 6, "C", 2);
        List<IndexHit> dense = hits("B", 0.9, "C", 0.85, "D", 0.85, "E", 0.85);

        assertThat(Fuser.queryWeight(bm25, dense, 0.5)).isCloseTo(1.0 / 3, within(1e-9));
        // and the other way round: 0.5*3 / (0.5*3 + 0.5*1.5) = 2/3
        assertThat(Fuser.queryWeight(hits("A", 9, "B", 8.5, "C", 8.5, "D", 8.5), hits("A", 0.9, "B", 0.8, "C", 0.7),
                0.5)).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void wordsOnlyAndMeaningOnlyStayFixedAndShortListsKeepTheBaseWeight() {
        List<IndexHit> bm25 = hits("A", 10, "B", 6, "C", 2);
        List<IndexHit> dense = hits("B", 0.9, "C", 0.85, "D", 0.85, "E", 0.85);

        assertThat(Fuser.queryWeight(bm25, dense, 0)).isZero();
        assertThat(Fuser.queryWeight(bm25, dense, 1)).isEqualTo(1);
        assertThat(Fuser.queryWeight(hits("A", 10, "B", 6), dense, 0.4)).isEqualTo(0.4);
        assertThat(Fuser.queryWeight(bm25, hits("A", 0.5, "B", 0.5, "C", 0.5), 0.4)).isEqualTo(0.4);
        assertThat(Fuser.queryWeight(List.of(), dense, 0.4)).isEqualTo(0.4);
    }

    @Test
    void weightOneRanksByBm25AloneAndWeightZeroByDenseAlone() {
        List<IndexHit> bm25 = hits("A", 10, "B", 6, "C", 2);
        List<IndexHit> dense = hits("C", 0.9, "B", 0.8, "D", 0.7);

        assertThat(Fuser.fuse(bm25, dense, settings(Fusion.WEIGHTED, 1)).subList(0, 3))
                .extracting(f -> f.hit().title()).containsExactly("A", "B", "C");
        // the rest score 0 and follow by rank
        assertThat(Fuser.fuse(bm25, dense, settings(Fusion.WEIGHTED, 0)).subList(0, 2))
                .extracting(f -> f.hit().title()).containsExactly("C", "B");
    }

    @Test
    void reciprocalRankFusionScaledSoThatFirstInBothListsScoresOne() {
        // 61 * (0.5/(60+bm25 rank) + 0.5/(60+dense rank)):
        // B (2, 1) = 0.49194 + 0.5 = 0.99194; A (1, 3) = 0.5 + 0.48413 = 0.98413; D (-, 2) = 0.49194; C (3, -) = 0.48413
        List<Fuser.Fused> fused = Fuser.fuse(hits("A", 10, "B", 6, "C", 2), hits("B", 0.9, "D", 0.8, "A", 0.7),
                settings(Fusion.RRF, 0.5));

        assertThat(fused).extracting(f -> f.hit().title()).containsExactly("B", "A", "D", "C");
        assertThat(fused.get(0).score()).isCloseTo(0.99194, within(1e-5));
        assertThat(fused.get(1).score()).isCloseTo(0.98413, within(1e-5));
        assertThat(fused.get(2).score()).isCloseTo(0.49194, within(1e-5));
        assertThat(fused.get(3).score()).isCloseTo(0.48413, within(1e-5));
        assertThat(Fuser.fuse(hits("A", 3), hits("A", 0.9), settings(Fusion.RRF, 0.5)).getFirst().score())
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aSingleCandidateOrEqualScoresCountAsTheListsBest() {
        List<Fuser.Fused> fused = Fuser.fuse(hits("A", 4.2), List.of(), settings(Fusion.WEIGHTED, 0.4));

        // 0.4 * 1 (the only BM25 candidate) + 0.6 * 0
        assertThat(fused).singleElement().satisfies(f -> assertThat(f.score()).isCloseTo(0.4, within(1e-9)));
        assertThat(Fuser.fuse(List.of(), List.of(), settings(Fusion.WEIGHTED, 0.4))).isEmpty();
    }

    @Test
    void tiesGoToTheBetterSingleRankThenToTheChunkId() {
        // A is first in BM25, B first in dense; RRF with weight 0.5 scores both 0.5
        List<Fuser.Fused> fused = Fuser.fuse(hits("E", 5, "A", 3), hits("B", 0.9, "D", 0.8),
                settings(Fusion.RRF, 0.5));

        assertThat(fused).extracting(f -> f.hit().title()).containsExactly("B", "E", "A", "D");
    }

    @Test
    void equalScoresInOneListAreRankedByChunkIdWhateverOrderElasticsearchReturnedThem() {
        // C and A tie in BM25, D and B in dense: each list ranks the smaller id first
        List<Fuser.Fused> fused = Fuser.fuse(hits("C", 5, "A", 5, "E", 1), hits("D", 0.8, "B", 0.8, "E", 0.5),
                settings(Fusion.WEIGHTED, 0.4));
        List<Fuser.Fused> swapped = Fuser.fuse(hits("A", 5, "C", 5, "E", 1), hits("B", 0.8, "D", 0.8, "E", 0.5),
                settings(Fusion.WEIGHTED, 0.4));

        assertThat(fused).extracting(f -> f.hit().title(), Fuser.Fused::bm25Rank, Fuser.Fused::denseRank)
                .containsExactlyElementsOf(swapped.stream()
                        .map(f -> tuple(f.hit().title(), f.bm25Rank(), f.denseRank())).toList());
        assertThat(fused).filteredOn(f -> f.hit().title().equals("A")).singleElement()
                .satisfies(f -> assertThat(f.bm25Rank()).isEqualTo(1));
        assertThat(fused).filteredOn(f -> f.hit().title().equals("B")).singleElement()
                .satisfies(f -> assertThat(f.denseRank()).isEqualTo(1));
    }

    @Test
    void fusedScoresThatDifferOnlyByFloatingPointNoiseAreTied() {
        assertThat(Fuser.rounded(0.1 + 0.2)).isEqualTo(Fuser.rounded(0.3));
        // The dense list has two candidates, so the query keeps the base weight 0.8.
        // BM25 10, 3, 0.5, 0 -> D 0.3, C 0.05; dense 0.9, 0.5 -> C 1, D 0.
        // C = 0.8*0.05 + 0.2*1 = 0.23999999999999996 and D = 0.8*0.3 = 0.24 in doubles: equal, so the better
        // single rank decides (C is first in dense, D second in BM25), not the last bit of the arithmetic.
        List<Fuser.Fused> fused = Fuser.fuse(hits("A", 10, "D", 3, "C", 0.5, "E", 0), hits("C", 0.9, "D", 0.5),
                settings(Fusion.WEIGHTED, 0.8));

        assertThat(fused).extracting(f -> f.hit().title()).containsSubsequence("C", "D");
        assertThat(fused.get(1).score()).isEqualTo(fused.get(2).score());
    }

    @Test
    void idsCompareInTheOrderOfTheirText() {
        UUID low = UUID.fromString("00000000-0000-0000-ffff-000000000000");
        UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000000");

        assertThat(Fuser.BY_ID.compare(low, high)).isNegative();
        assertThat(Fuser.BY_ID.compare(high, low)).isPositive();
        assertThat(Fuser.BY_ID.compare(id(1), id(2))).isNegative();
        assertThat(Fuser.BY_ID.compare(id(2), id(2))).isZero();
    }

    @Test
    void aWeakBm25MatchCountsLessThoughItsWinnerStandsOut() {
        // BM25 10, 6, 2: cB^2 = 1.5; dense 0.9, 0.85, 0.85, 0.85: cD^2 = 3 (worked out above); base 0.5.
        List<IndexHit> bm25 = hits("A", 10, "B", 6, "C", 2);
        List<IndexHit> dense = hits("B", 0.9, "C", 0.85, "D", 0.85, "E", 0.85);

        // ten words: 10 / 10 = 1 point per word, half of a strong match: cB^2 * 0.5^2 = 0.375,
        // 0.5*0.375 / (0.5*0.375 + 0.5*3) = 1/9
        assertThat(Fuser.queryWeight(bm25, dense, 10, 0.5)).isCloseTo(1.0 / 9, within(1e-9));
        // five words: 2 points per word, a strong match: the clarity-only weight 1/3 stays; so it does above that
        assertThat(Fuser.queryWeight(bm25, dense, 5, 0.5)).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(Fuser.queryWeight(bm25, dense, 2, 0.5)).isCloseTo(1.0 / 3, within(1e-9));
        // words unknown: clarity only
        assertThat(Fuser.queryWeight(bm25, dense, 0, 0.5)).isCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    void bm25NoiseNoLongerOutranksTheDenseWinnerButAStrongBm25MatchStillDoes() {
        // base 0.9 (a workspace that trusts words). BM25 normalised: A 1, B 0.5, C 0; dense: B 1, the rest 0.
        List<IndexHit> bm25 = hits("A", 10, "B", 6, "C", 2);
        List<IndexHit> dense = hits("B", 0.9, "C", 0.85, "D", 0.85, "E", 0.85);
        RetrievalSettings wordy = settings(Fusion.WEIGHTED, 0.9);

        // four words, 2.5 points each: w = 0.9*1.5 / (0.9*1.5 + 0.1*3) = 0.818; A = 0.818, B = 0.409 + 0.182 = 0.591
        assertThat(Fuser.fuse(bm25, dense, 4, wordy).getFirst().hit().title()).isEqualTo("A");
        // ten words, 1 point each: w = 0.9*0.375 / (0.9*0.375 + 0.1*3) = 0.529; A = 0.529, B = 0.265 + 0.471 = 0.735
        List<Fuser.Fused> noise = Fuser.fuse(bm25, dense, 10, wordy);
        assertThat(noise).extracting(f -> f.hit().title()).startsWith("B", "A");
        assertThat(noise.getFirst().score()).isCloseTo(0.73529, within(1e-5));
    }

    @Test
    void wordsAreRunsOfLettersAndDigits() {
        assertThat(Fuser.countWords("What does error E-4012 mean?")).isEqualTo(6);
        assertThat(Fuser.countWords("  ")).isZero();
        assertThat(Fuser.countWords("Rückerstattung für Bestellung 42")).isEqualTo(4);
    }
}
