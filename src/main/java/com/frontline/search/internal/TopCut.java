package com.frontline.search.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Cuts a ranking to its top k with at most {@value #PER_DOCUMENT} passages of one document among the first
 * {@value #DIVERSE_TOP}: the answerer reads the first five, and one long document must not crowd out the others.
 * Otherwise the order is kept: each of the first {@value #DIVERSE_TOP} places goes to the best remaining passage whose
 * document has fewer than {@value #PER_DOCUMENT} there already, and a passage pushed out comes back only where nothing
 * else is left (the first five) or in its own order after them. Pure, no I/O.
 */
final class TopCut {

    static final int DIVERSE_TOP = 5;
    static final int PER_DOCUMENT = 2;

    private TopCut() {
    }

    /**
     * @param ranked     candidates, best first
     * @param documentOf a candidate's document
     * @param placed     the documents of the passages already placed ahead of these (passage sources), in order
     * @param slots      how many candidates to return at most
     * @return at most {@code slots} candidates in their new order
     */
    static <T> List<T> cut(List<T> ranked, Function<T, UUID> documentOf, List<UUID> placed, int slots) {
        Map<UUID, Integer> inTop = new HashMap<>();
        for (int i = 0; i < Math.min(placed.size(), DIVERSE_TOP); i++) {
            inTop.merge(placed.get(i), 1, Integer::sum);
        }
        List<T> remaining = new ArrayList<>(ranked);
        List<T> chosen = new ArrayList<>(Math.min(slots, ranked.size()));
        while (chosen.size() < slots && !remaining.isEmpty()) {
            int position = placed.size() + chosen.size();
            int pick = 0;
            if (position < DIVERSE_TOP) {
                for (int i = 0; i < remaining.size(); i++) {
                    if (inTop.getOrDefault(documentOf.apply(remaining.get(i)), 0) < PER_DOCUMENT) {
                        pick = i;
                        break;
                    }
                }
                inTop.merge(documentOf.apply(remaining.get(pick)), 1, Integer::sum);
            }
            chosen.add(remaining.remove(pick));
        }
        return chosen;
    }
}
