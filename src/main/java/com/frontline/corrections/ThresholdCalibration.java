package com.frontline.corrections;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the verified-answer threshold from labelled question pairs: for each candidate threshold, the precision
 * (of the pairs scoring at or above it, the share that are the same question) and recall (of the same-question
 * pairs, the share scoring at or above it); the choice is the threshold with the best recall among those whose
 * precision reaches the target (the higher threshold on a tie).
 */
final class ThresholdCalibration {

    /** One labelled pair and the cosine of its questions' embeddings. */
    record Pair(boolean same, double similarity) {
    }

    /** Precision and recall at one threshold; {@code matched} pairs scored at or above it. */
    record Row(double threshold, int matched, int correct, double precision, double recall) {
    }

    private ThresholdCalibration() {
    }

    /** Rows for thresholds from {@code from} to {@code to} in steps of 0.01. */
    static List<Row> table(List<Pair> pairs, double from, double to) {
        long positives = pairs.stream().filter(Pair::same).count();
        List<Row> rows = new ArrayList<>();
        for (int step = (int) Math.round(from * 100); step <= Math.round(to * 100); step++) {
            double threshold = step / 100.0;
            int matched = 0;
            int correct = 0;
            for (Pair p : pairs) {
                if (p.similarity() >= threshold - 1e-9) {
                    matched++;
                    if (p.same()) {
                        correct++;
                    }
                }
            }
            double precision = matched == 0 ? 1 : (double) correct / matched;
            double recall = positives == 0 ? 0 : (double) correct / positives;
            rows.add(new Row(threshold, matched, correct, precision, recall));
        }
        return rows;
    }

    /** The row with the best recall whose precision reaches {@code targetPrecision}, if any does. */
    static Optional<Row> choose(List<Row> rows, double targetPrecision) {
        Row best = null;
        for (Row r : rows) {
            if (r.matched() > 0 && r.precision() >= targetPrecision - 1e-9
                    && (best == null || r.recall() > best.recall()
                    || (r.recall() == best.recall() && r.threshold() > best.threshold()))) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }
}
