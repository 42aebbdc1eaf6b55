package com.frontline.chat;

import com.frontline.shared.TenantId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
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

        /** Both spans' figures together (visitors added up: call it only where visitors are not counted). */
        VersionAnswers plus(VersionAnswers o) {
            return new VersionAnswers(version, visitors + o.visitors, conversations + o.conversations,
                    answers + o.answers, rated + o.rated, helpful + o.helpful, fallbacks + o.fallbacks,
                    handoffs + o.handoffs, implicitSum + o.implicitSum, implicitCount + o.implicitCount,
                    corrected + o.corrected);
        }

        VersionAnswers withCorrected(long count) {
            return new VersionAnswers(version, visitors, conversations, answers, rated, helpful, fallbacks, handoffs,
                    implicitSum, implicitCount, count);
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
    private final FeedbackReviewDays days;

    VersionAnswerStats(VersionStatsRepository repository, FeedbackReviewDays days) {
        this.repository = repository;
        this.days = days;
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

    /**
     * {@link #byVersion} over a long span, without visitors: whole past UTC days from the daily roll-up
     * ({@code chat.version_days}), the rest (today, part-days at either end, days changed since they were rolled up)
     * live, so a month costs about what a day does. A conversation answered on two UTC days counts once per day, in
     * the roll-up and in the live part alike.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<Integer, VersionAnswers> byVersionRolledUp(TenantId tenant, Collection<Integer> versions,
                                                          OffsetDateTime from, OffsetDateTime to,
                                                          Collection<UUID> corrected) {
        FeedbackRollupPlan plan = days.plan(tenant, from, to);
        Map<Integer, VersionAnswers> result = new LinkedHashMap<>();
        versions.forEach(v -> result.put(v, VersionAnswers.none(v)));
        repository.rolledUp(tenant, versions, plan.rolledUp()).forEach((v, a) -> result.merge(v, a, VersionAnswers::plus));
        for (FeedbackRollupPlan.Span span : plan.live()) {
            repository.byVersion(tenant, versions, span.from(), span.to(), List.of(), false, true)
                    .forEach((v, a) -> result.merge(v, a, VersionAnswers::plus));
        }
        Map<Integer, Long> correctedCounts = repository.corrected(tenant, versions, from, to, corrected);
        result.replaceAll((v, a) -> a.withCorrected(correctedCounts.getOrDefault(v, 0L)));
        return result;
    }

    /**
     * {@link #ratings} by day over a long span: whole past days from the daily roll-up, the rest live (see
     * {@link #byVersionRolledUp}).
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<BucketRatings> dailyRatingsRolledUp(TenantId tenant, Collection<Integer> versions,
                                                    OffsetDateTime from, OffsetDateTime to) {
        FeedbackRollupPlan plan = days.plan(tenant, from, to);
        List<BucketRatings> result = new ArrayList<>(repository.rolledUpRatings(tenant, versions, plan.rolledUp()));
        Map<Instant, Map<Integer, long[]>> live = new LinkedHashMap<>();
        for (FeedbackRollupPlan.Span span : plan.live()) {
            // a part-day at either end starts its bucket at the day's start, so merge what falls in the same bucket
            for (BucketRatings r : repository.ratings(tenant, versions, span.from(), span.to(), Bucket.DAY)) {
                long[] sum = live.computeIfAbsent(r.from(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.version(), k -> new long[2]);
                sum[0] += r.rated();
                sum[1] += r.helpful();
            }
        }
        live.forEach((at, byVersion) -> byVersion.forEach((v, sum) ->
                result.add(new BucketRatings(at, v, sum[0], sum[1]))));
        result.sort(Comparator.comparing(BucketRatings::from).thenComparingInt(BucketRatings::version));
        return result;
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
}
