package com.frontline.rollouts;

import com.frontline.chat.VersionAnswerStats;
import com.frontline.corrections.CorrectedAnswers;
import com.frontline.llm.VersionUsage;
import com.frontline.rollouts.stats.Interval;
import com.frontline.rollouts.stats.Percentiles;
import com.frontline.rollouts.stats.Rate;
import com.frontline.rollouts.stats.Wilson;
import com.frontline.shared.TenantId;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What each arm of an experiment did over a span, from the website widget's answers of its version (chat), the model
 * calls made for them (llm, evaluation runs left out) and the corrections written on them: the guard's counts and the
 * dashboard's metrics.
 */
@Component
class ExperimentMetrics {

    /** Spans longer than this are charted by day, shorter ones by hour. */
    static final Duration HOURLY_UP_TO = Duration.ofHours(72);

    /** One arm's figures over a span: the guard's counts and the rest of the dashboard's. */
    record ArmFigures(ExperimentArm arm, ArmCounts counts, long corrected, long tokens, BigDecimal costUsd) {
    }

    /** How long a node keeps an experiment's since-start figures and series (the window's are always live). */
    static final Duration SINCE_START_TTL = Duration.ofSeconds(60);
    static final int MAX_CACHED = 1000;

    /** An experiment's figures as of its lock version (a change of split starts afresh). */
    private record Key(TenantId tenant, UUID experiment, long lockVersion, String what) {
    }

    private record Cached(long atNanos, List<?> value) {
    }

    private final VersionAnswerStats answers;
    private final VersionUsage usage;
    private final CorrectedAnswers corrections;
    private final Map<Key, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    ExperimentMetrics(VersionAnswerStats answers, VersionUsage usage, CorrectedAnswers corrections) {
        this.answers = answers;
        this.usage = usage;
        this.corrections = corrections;
    }

    /** How an arm's answers over a span are counted. */
    enum Count {
        /** Live from the answers, without visitors: the guard's window. */
        LIVE,
        /** Live, with distinct visitors: the dashboard's window. */
        LIVE_WITH_VISITORS,
        /**
         * Whole past days from the daily roll-up, the rest live, without visitors (a visitor may come back on another
         * day; the metrics' {@code visitors} is -1): spans of days, since the start or since a step started.
         */
        ROLLED_UP
    }

    /**
     * Each arm's figures in [from, to), by arm name.
     *
     * @param dashboard with latency percentiles (the guard needs none)
     */
    Map<String, ArmFigures> figures(TenantId tenant, List<ExperimentArm> arms, Instant from, Instant to,
                                    boolean dashboard) {
        return figures(tenant, arms, from, to, dashboard ? Count.LIVE_WITH_VISITORS : Count.LIVE, dashboard);
    }

    Map<String, ArmFigures> figures(TenantId tenant, List<ExperimentArm> arms, Instant from, Instant to, Count count,
                                    boolean dashboard) {
        OffsetDateTime f = from.atOffset(ZoneOffset.UTC);
        OffsetDateTime t = to.atOffset(ZoneOffset.UTC);
        List<Integer> versions = arms.stream().map(ExperimentArm::version).toList();
        List<UUID> corrected = corrections.since(tenant, f);
        var byVersion = count == Count.ROLLED_UP
                ? answers.byVersionRolledUp(tenant, versions, f, t, corrected)
                : answers.byVersion(tenant, versions, f, t, corrected, count == Count.LIVE_WITH_VISITORS);
        var calls = count == Count.ROLLED_UP
                ? usage.byVersionRolledUp(tenant, versions, f, t, dashboard)
                : usage.byVersion(tenant, versions, f, t, dashboard);
        Map<String, ArmFigures> result = new LinkedHashMap<>();
        for (ExperimentArm arm : arms) {
            var a = byVersion.getOrDefault(arm.version(), VersionAnswerStats.VersionAnswers.none(arm.version()));
            var c = calls.getOrDefault(arm.version(), VersionUsage.VersionCalls.none(arm.version()));
            ArmCounts counts = ArmCounts.builder()
                    .visitors(a.visitors())
                    .conversations(a.conversations())
                    .answers(a.answers())
                    .ratings(a.helpful(), a.rated())
                    .fallbacks(a.fallbacks())
                    .handoffs(a.handoffs())
                    .implicit(a.implicitSum(), a.implicitCount())
                    .calls(c.calls(), c.errors(), c.failovers())
                    .latency(dashboard ? new Percentiles(c.calls(), c.latencyP50(), c.latencyP95(), c.latencyP99())
                            : null)
                    .build();
            result.put(arm.name(), new ArmFigures(arm, counts, a.corrected(), c.tokens(), c.costUsd()));
        }
        return result;
    }

    /** Where the experiment's figures end: when it ended, or now. */
    static Instant end(Experiment e, Instant now) {
        return e.endedAt() != null && e.endedAt().isBefore(now) ? e.endedAt() : now;
    }

    /** Since traffic was first split (or since it was created, before that). */
    static Instant start(Experiment e) {
        return e.startedAt() != null ? e.startedAt() : e.createdAt();
    }

    /** The guard window in force at {@code at}: from the step's start (an A/B experiment's start). */
    static GuardWindow window(Experiment e, Instant at) {
        Instant stepStart = e.stepStartedAt() != null ? e.stepStartedAt() : start(e);
        return e.guard().config().window(stepStart, at.isBefore(stepStart) ? stepStart : at);
    }

    /**
     * The arms' metrics over the guard window in force, then since the start: {@code 2 × arms} entries, the window's
     * first, each half in the experiment's arm order (baseline first).
     */
    List<ArmMetrics> metrics(TenantId tenant, Experiment e, Instant now) {
        Instant end = end(e, now);
        Instant start = start(e);
        GuardWindow window = window(e, end);
        Instant windowFrom = window.from().isBefore(start) ? start : window.from();
        double confidence = 1 - e.guard().alpha();
        List<ArmMetrics> result = new ArrayList<>();
        figures(tenant, e.arms(), windowFrom, end, true).values().forEach(f -> result.add(metrics(f, confidence)));
        result.addAll(cached(new Key(tenant, e.id(), e.lockVersion(), "since start"), () -> {
            List<ArmMetrics> since = new ArrayList<>();
            figures(tenant, e.arms(), start, end, Count.ROLLED_UP, true).values()
                    .forEach(f -> since.add(withoutVisitors(metrics(f, confidence))));
            return since;
        }));
        return result;
    }

    /**
     * A month of a busy workspace's answers takes seconds to count (see BENCHMARKS.md): this node keeps the
     * since-start figures and the series for {@link #SINCE_START_TTL}, per experiment and lock version.
     */
    @SuppressWarnings("unchecked")
    private <T> List<T> cached(Key key, java.util.function.Supplier<List<T>> compute) {
        long now = System.nanoTime();
        Cached hit = cache.get(key);
        if (hit != null && now - hit.atNanos() < SINCE_START_TTL.toNanos()) {
            return (List<T>) hit.value();
        }
        List<T> value = List.copyOf(compute.get());
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, new Cached(now, value));
        return value;
    }

    /** Metrics whose visitors were not counted ({@link Count#ROLLED_UP}): -1. */
    static ArmMetrics withoutVisitors(ArmMetrics m) {
        return new ArmMetrics(m.arm(), m.version(), -1, m.conversations(), m.answers(), m.helpful(), m.helpfulCi(),
                m.fallback(), m.handoff(), m.implicit(), m.correction(), m.error(), m.failover(), m.latencyMs(),
                m.tokensPerConversation(), m.costPerConversationUsd());
    }

    static ArmMetrics metrics(ArmFigures f, double confidence) {
        ArmCounts c = f.counts();
        Rate helpful = GuardMetric.HELPFUL_RATE.rate(c);
        Percentiles latency = c.latency() == null ? new Percentiles(0, Double.NaN, Double.NaN, Double.NaN)
                : c.latency();
        double conversations = c.conversations();
        return new ArmMetrics(f.arm().name(), f.arm().version(), c.visitors(), c.conversations(), c.answers(),
                helpful, Wilson.interval(helpful, confidence), GuardMetric.FALLBACK_RATE.rate(c),
                GuardMetric.HANDOFF_RATE.rate(c), GuardMetric.IMPLICIT_SATISFACTION.rate(c),
                Rate.of(Math.min(f.corrected(), c.answers()), c.answers()), GuardMetric.ERROR_RATE.rate(c),
                GuardMetric.FAILOVER_RATE.rate(c), latency,
                conversations == 0 ? 0 : f.tokens() / conversations,
                conversations == 0 ? 0 : f.costUsd().doubleValue() / conversations);
    }

    /** Each arm's helpful rate per hour (per day past {@link #HOURLY_UP_TO}) since the start, with Wilson intervals. */
    List<SeriesPoint> series(TenantId tenant, Experiment e, Instant now) {
        return cached(new Key(tenant, e.id(), e.lockVersion(), "series"), () -> seriesNow(tenant, e, now));
    }

    private List<SeriesPoint> seriesNow(TenantId tenant, Experiment e, Instant now) {
        Instant end = end(e, now);
        Instant start = start(e);
        var bucket = Duration.between(start, end).compareTo(HOURLY_UP_TO) <= 0 ? VersionAnswerStats.Bucket.HOUR
                : VersionAnswerStats.Bucket.DAY;
        Map<Integer, String> armOf = new LinkedHashMap<>();
        e.arms().forEach(a -> armOf.put(a.version(), a.name()));
        double confidence = 1 - e.guard().alpha();
        List<SeriesPoint> points = new ArrayList<>();
        OffsetDateTime from = start.atOffset(ZoneOffset.UTC);
        OffsetDateTime to = end.atOffset(ZoneOffset.UTC);
        var ratings = bucket == VersionAnswerStats.Bucket.DAY
                ? answers.dailyRatingsRolledUp(tenant, armOf.keySet(), from, to)
                : answers.ratings(tenant, armOf.keySet(), from, to, bucket);
        for (var r : ratings) {
            Rate helpful = Rate.of(r.helpful(), r.rated());
            Interval ci = Wilson.interval(helpful, confidence);
            points.add(new SeriesPoint(r.from(), armOf.get(r.version()), helpful, ci));
        }
        return points;
    }
}
