package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the website widget's answers of each assistant version did, for comparing versions (experiments and
 * rollouts): answers, ratings, fallbacks, handoffs, implicit satisfaction and corrections, per version over a span,
 * and the ratings per hour or day. Evaluation runs are left out (they are asked in a channel of their own); the
 * playground's answers carry no version. Every figure is of one workspace.
 */
@Service
public class VersionAnswerStats {

    /** Most evaluation conversations {@link #evaluationConversations} returns. */
    public static final int MAX_EVALUATION_CONVERSATIONS = 50_000;

    /**
     * One version's answers over a span.
     *
     * @param visitors      distinct widget visitors it answered (0 when not asked for)
     * @param conversations conversations it answered in
     * @param handoffs      of those, conversations one of its answers handed to a person
     * @param implicitSum   the implicit satisfaction scores' sum (each 0–1) over {@code implicitCount} scored answers
     * @param corrected     its answers among the corrected ones passed in
     */
    public record VersionAnswers(int version, long visitors, long conversations, long answers, long rated,
                                 long helpful, long fallbacks, long handoffs, double implicitSum, long implicitCount,
                                 long corrected) {

        public static VersionAnswers none(int version) {
            return new VersionAnswers(version, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /** One version's rated answers in the bucket starting at {@code from}. */
    public record BucketRatings(Instant from, int version, long rated, long helpful) {
    }

    /**
     * The workspace's website traffic over a span, whatever the version.
     *
     * @param visitors distinct widget visitors
     */
    public record Traffic(long visitors, long conversations, long answers, long rated, long helpful) {
    }

    /** Buckets of the series. */
    public enum Bucket {
        HOUR, DAY
    }

    private final VersionStatsRepository repository;

    VersionAnswerStats(VersionStatsRepository repository) {
        this.repository = repository;
    }

    /**
     * Per version, the widget answers in [from, to).
     *
     * @param corrected     ids of answers a teammate wrote a correction for (the corrections module's), counted per
     *                      version when among these answers
     * @param countVisitors whether to count distinct visitors (a join with the conversations; the guard needs none)
     * @return one entry per asked version, zeros for a version without answers
     */
    @Transactional(readOnly = true)
    public Map<Integer, VersionAnswers> byVersion(TenantId tenant, Collection<Integer> versions, OffsetDateTime from,
                                                  OffsetDateTime to, Collection<UUID> corrected,
                                                  boolean countVisitors) {
        return repository.byVersion(tenant, versions, from, to, corrected, countVisitors);
    }

    /** Per bucket and version, the rated widget answers in [from, to), oldest first; buckets without any left out. */
    @Transactional(readOnly = true)
    public List<BucketRatings> ratings(TenantId tenant, Collection<Integer> versions, OffsetDateTime from,
                                       OffsetDateTime to, Bucket bucket) {
        return repository.ratings(tenant, versions, from, to, bucket);
    }

    /** The workspace's widget traffic in [from, to), all versions together. */
    @Transactional(readOnly = true)
    public Traffic traffic(TenantId tenant, OffsetDateTime from, OffsetDateTime to) {
        return repository.traffic(tenant, from, to);
    }

    /**
     * The workspace's evaluation conversations started in [from, to) (at most
     * {@value #MAX_EVALUATION_CONVERSATIONS}, newest first), so that figures kept elsewhere per conversation (model
     * calls) can leave evaluation runs out too.
     */
    @Transactional(readOnly = true)
    public List<UUID> evaluationConversations(TenantId tenant, OffsetDateTime from, OffsetDateTime to) {
        return repository.evaluationConversations(tenant, from, to, MAX_EVALUATION_CONVERSATIONS);
    }
}
