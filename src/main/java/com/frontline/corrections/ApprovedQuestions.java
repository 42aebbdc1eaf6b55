package com.frontline.corrections;

import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The approved corrections' question embeddings of recently asked workspaces, in memory: a verified-answer lookup
 * compares one question with all of a workspace's approved questions on every chat turn, so it must not read them
 * from PostgreSQL each time. Keyed by tenant, at most {@link #MAX_TENANTS} workspaces (least recently asked leaves
 * first); emptied for a workspace when one of its corrections is approved, edited or retired on this node, and
 * reloaded after {@link #MAX_AGE} anyway so that other app nodes' approvals arrive too.
 */
@Component
class ApprovedQuestions {

    static final int MAX_TENANTS = 256;
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    /** The best approved question for a query vector and how close it is. */
    record Best(CorrectionRepository.Approved correction, double similarity) {
    }

    /**
     * One workspace's approved questions as unit vectors laid end to end in one array (fast to scan), and their sign
     * bits. Up to {@link #EXACT_UP_TO} questions the query is compared with each; above, the sign bits pick the
     * {@link #CANDIDATES} nearest by Hamming distance (a cheap stand-in for the angle: about 0.05 ms for 10,000) and
     * only those are compared exactly. A question close enough to match (cosine 0.7 and up) differs in far fewer
     * signs than unrelated ones, so it is among the candidates; {@code ApprovedQuestionsTest} checks that the two ways
     * agree on real embeddings.
     */
    static final class Snapshot {
        static final int EXACT_UP_TO = 2_000;
        static final int CANDIDATES = 256;

        private final List<CorrectionRepository.Approved> corrections;
        private final float[] vectors;
        private final long[] signs;
        private final int dimensions;
        private final int words;
        private final double threshold;
        private final Instant loadedAt;

        Snapshot(List<CorrectionRepository.Approved> corrections, double threshold, Instant loadedAt) {
            this.corrections = List.copyOf(corrections);
            this.threshold = threshold;
            this.dimensions = corrections.isEmpty() ? 0 : corrections.getFirst().embedding().length;
            this.words = (dimensions + 63) / 64;
            this.vectors = new float[corrections.size() * dimensions];
            this.signs = new long[corrections.size() * words];
            for (int i = 0; i < corrections.size(); i++) {
                float[] unit = Vectors.unit(corrections.get(i).embedding());
                System.arraycopy(unit, 0, vectors, i * dimensions, Math.min(dimensions, unit.length));
                signs(unit, signs, i * words);
            }
            this.loadedAt = loadedAt;
        }

        private static void signs(float[] v, long[] into, int offset) {
            for (int d = 0; d < v.length; d++) {
                if (v[d] > 0) {
                    into[offset + d / 64] |= 1L << (d % 64);
                }
            }
        }

        /** The workspace's match threshold as of loading. */
        double threshold() {
            return threshold;
        }

        int size() {
            return corrections.size();
        }

        /** The nearest approved question to the (unit) query vector, if there is any approved one. */
        Optional<Best> best(float[] unitQuery) {
            return corrections.size() <= EXACT_UP_TO ? exactBest(unitQuery) : prefilteredBest(unitQuery);
        }

        /** Compares the query with every approved question. */
        Optional<Best> exactBest(float[] unitQuery) {
            if (corrections.isEmpty() || unitQuery.length != dimensions) {
                return Optional.empty();
            }
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0, offset = 0; i < corrections.size(); i++, offset += dimensions) {
                double score = Vectors.dot(vectors, offset, unitQuery);
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            return Optional.of(new Best(corrections.get(best), bestScore));
        }

        /** Compares the query exactly with the {@link #CANDIDATES} questions sharing the most signs with it. */
        Optional<Best> prefilteredBest(float[] unitQuery) {
            if (corrections.isEmpty() || unitQuery.length != dimensions) {
                return Optional.empty();
            }
            long[] query = new long[words];
            signs(unitQuery, query, 0);
            int n = corrections.size();
            int[] distance = new int[n];
            int[] histogram = new int[dimensions + 1];
            for (int i = 0, offset = 0; i < n; i++, offset += words) {
                int d = 0;
                for (int w = 0; w < words; w++) {
                    d += Long.bitCount(signs[offset + w] ^ query[w]);
                }
                distance[i] = d;
                histogram[d]++;
            }
            int cutoff = 0;
            for (int seen = 0; cutoff <= dimensions; cutoff++) {
                seen += histogram[cutoff];
                if (seen >= CANDIDATES) {
                    break;
                }
            }
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (distance[i] <= cutoff) {
                    double score = Vectors.dot(vectors, i * dimensions, unitQuery);
                    if (score > bestScore) {
                        bestScore = score;
                        best = i;
                    }
                }
            }
            return Optional.of(new Best(corrections.get(best), bestScore));
        }
    }

    private final Map<TenantId, Snapshot> snapshots = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TenantId, Snapshot> eldest) {
            return size() > MAX_TENANTS;
        }
    };
    private final Clock clock;

    ApprovedQuestions() {
        this(Clock.systemUTC());
    }

    ApprovedQuestions(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** The workspace's snapshot, loaded with {@code loader} when missing or older than {@link #MAX_AGE}. */
    Snapshot of(TenantId tenant, Function<TenantId, Snapshot> loader) {
        Instant now = clock.instant();
        @Nullable Snapshot cached;
        synchronized (snapshots) {
            cached = snapshots.get(tenant);
        }
        if (cached != null && cached.loadedAt.plus(MAX_AGE).isAfter(now)) {
            return cached;
        }
        Snapshot loaded = loader.apply(tenant);
        synchronized (snapshots) {
            snapshots.put(tenant, loaded);
        }
        return loaded;
    }

    void invalidate(TenantId tenant) {
        synchronized (snapshots) {
            snapshots.remove(tenant);
        }
    }

    int cachedTenants() {
        synchronized (snapshots) {
            return snapshots.size();
        }
    }
}
