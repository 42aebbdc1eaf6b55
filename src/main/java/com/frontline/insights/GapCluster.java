package com.frontline.insights;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A group of similar questions the assistant did not answer well.
 *
 * @param label    the most central question of the cluster (redacted)
 * @param terms    the words its questions use most
 * @param weekly   questions per week, oldest first; the last is this week
 * @param spam     most of its questions look like spam or abuse: no article is drafted from it
 * @param rerunAt  when its questions were last asked again of the assistant (after an article was saved)
 */
public record GapCluster(UUID id, String label, List<String> terms, int volume, int thisWeek, int lastWeek,
                         List<Integer> weekly, boolean spam, @Nullable OffsetDateTime rerunAt,
                         @Nullable Integer rerunAnswered, @Nullable Integer rerunTotal) {

    public GapCluster {
        terms = List.copyOf(terms);
        weekly = List.copyOf(weekly);
    }

    /** "up", "down" or "flat": this week against last week. */
    public String trend() {
        return thisWeek > lastWeek ? "up" : thisWeek < lastWeek ? "down" : "flat";
    }

    /** The sparkline's polyline points in a 100 × 24 box. */
    public String sparkline() {
        int max = Math.max(1, weekly.stream().mapToInt(Integer::intValue).max().orElse(1));
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < weekly.size(); i++) {
            double x = weekly.size() == 1 ? 50 : 100.0 * i / (weekly.size() - 1);
            double y = 22 - 20.0 * weekly.get(i) / max;
            points.append(points.isEmpty() ? "" : " ").append("%.1f,%.1f".formatted(x, y));
        }
        return points.toString();
    }

    /** One question of a cluster, linking to its conversation. */
    public record Member(UUID messageId, UUID conversationId, String question, OffsetDateTime askedAt,
                         double centrality) {
    }

    /**
     * The last clustering of a workspace.
     *
     * @param questions how many unanswered questions there were
     * @param clustered how many of them fell into a cluster (the rest were noise)
     */
    public record Run(OffsetDateTime ranAt, int questions, int clustered, int sampled, String method, long millis) {
    }
}
