package com.frontline.llm;

import com.frontline.llm.internal.LatencyHistogram;
import com.frontline.shared.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.frontline.db.llm.Tables.USAGE_RECORDS;
import static com.frontline.db.llm.Tables.USAGE_SUMMARY_STATE;
import static com.frontline.db.llm.Tables.USAGE_VERSION_DAYS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;

/**
 * The model calls each assistant version made, for comparing versions (experiments and rollouts): calls, failures,
 * failovers, tokens, cost and latency per version over a span, of one workspace. Read through
 * {@code usage_records_tenant_version_time_idx} (tenant, version, time). Hops skipped by an open circuit breaker are
 * not calls.
 */
@Service
public class VersionUsage {

    /**
     * One version's calls over a span.
     *
     * @param calls     calls that reached a provider
     * @param errors    of those, calls that failed (an error, a timeout or nothing usable)
     * @param failovers of those, calls made after an earlier provider of the same request failed or was skipped
     * @param tokens    tokens in and out
     * @param latencyP50 the calls' latency percentiles in milliseconds (nearest rank, estimated within 5 % from a
     *                  log-spaced histogram); NaN without calls or when not asked for
     */
    public record VersionCalls(int version, long calls, long errors, long failovers, long tokens, BigDecimal costUsd,
                               double latencyP50, double latencyP95, double latencyP99) {

        public static VersionCalls none(int version) {
            return new VersionCalls(version, 0, 0, 0, 0, BigDecimal.ZERO, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    private final DSLContext dsl;

    public VersionUsage(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Per version, the calls made in [from, to).
     *
     * <p>Evaluation runs' calls carry no version (since migration {@code V202612090410}), so every call counted here
     * is a visitor's.
     *
     * @param latency               whether to compute the latency percentiles: from the calls' log-spaced
     *                              histogram ({@link LatencyHistogram}, nearest rank, within
     *                              {@value LatencyHistogram#MAX_RELATIVE_ERROR_PERCENT} % of the exact value), so that
     *                              a month of calls is counted in one pass, without sorting them
     * @return one entry per asked version, zeros for a version without calls
     */
    @Transactional(readOnly = true)
    public Map<Integer, VersionCalls> byVersion(TenantId tenant, Collection<Integer> versions, OffsetDateTime from,
                                                OffsetDateTime to, boolean latency) {
        Map<Integer, Totals> totals = new LinkedHashMap<>();
        if (!versions.isEmpty()) {
            aggregate(recordsOf(tenant, versions, from, to), false, latency)
                    .forEach((key, t) -> totals.merge(key.version(), t, Totals::plus));
        }
        return calls(versions, totals, latency);
    }

    /**
     * {@link #byVersion} over a long span: whole UTC days the daily roll-up ({@code llm.usage_version_days}) holds
     * final from it, the rest (today, part-days at either end, days not summarised yet) from the raw records, so a
     * month costs about what a day does, and days whose raw records are gone (retention) still count.
     */
    @Transactional(readOnly = true)
    public Map<Integer, VersionCalls> byVersionRolledUp(TenantId tenant, Collection<Integer> versions,
                                                        OffsetDateTime from, OffsetDateTime to,
                                                        boolean latency) {
        Map<Integer, Totals> totals = new LinkedHashMap<>();
        if (versions.isEmpty() || !from.isBefore(to)) {
            return calls(versions, totals, latency);
        }
        // the whole days in [from, to) that are final in the roll-up: one run of days [first, last]
        LocalDate first = from.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        if (dayStart(first).isBefore(from)) {
            first = first.plusDays(1);
        }
        LocalDate last = to.atZoneSameInstant(ZoneOffset.UTC).toLocalDate().minusDays(1);
        var state = dsl.select(USAGE_SUMMARY_STATE.COMPLETE_THROUGH, USAGE_SUMMARY_STATE.VERSIONS_FROM)
                .from(USAGE_SUMMARY_STATE)
                .where(USAGE_SUMMARY_STATE.TENANT_ID.eq(tenant.value()))
                .fetchOne();
        if (state == null) {
            last = first.minusDays(1); // nothing summarised yet
        } else {
            if (state.value1().isBefore(last)) {
                last = state.value1();
            }
            if (state.value2() != null && state.value2().isAfter(first)) {
                first = state.value2();
            }
        }
        if (first.isAfter(last)) {
            aggregate(recordsOf(tenant, versions, from, to), false, latency)
                    .forEach((key, t) -> totals.merge(key.version(), t, Totals::plus));
            return calls(versions, totals, latency);
        }
        // @formatter:off
        dsl.selectFrom(USAGE_VERSION_DAYS)
                .where(USAGE_VERSION_DAYS.TENANT_ID.eq(tenant.value()),
                       USAGE_VERSION_DAYS.ASSISTANT_VERSION.in(versions),
                       USAGE_VERSION_DAYS.DAY.between(first, last))
                .forEach(r -> totals.merge(r.getAssistantVersion(), Totals.of(r), Totals::plus));
        // @formatter:on
        for (OffsetDateTime[] span : List.of(new OffsetDateTime[]{from, dayStart(first)},
                new OffsetDateTime[]{dayStart(last.plusDays(1)), to})) {
            if (span[0].isBefore(span[1])) {
                aggregate(recordsOf(tenant, versions, span[0], span[1]), false, latency)
                        .forEach((key, t) -> totals.merge(key.version(), t, Totals::plus));
            }
        }
        return calls(versions, totals, latency);
    }

    /**
     * Replaces the daily roll-up of the UTC days {@code from} … {@code to} (inclusive) with the raw records' figures
     * (idempotent). Called by the usage summary job, in its transaction, for the days it summarises.
     */
    public void rollUpDays(TenantId tenant, LocalDate from, LocalDate to) {
        dsl.deleteFrom(USAGE_VERSION_DAYS)
                .where(USAGE_VERSION_DAYS.TENANT_ID.eq(tenant.value()), USAGE_VERSION_DAYS.DAY.between(from, to))
                .execute();
        Condition where = USAGE_RECORDS.TENANT_ID.eq(tenant.value())
                .and(USAGE_RECORDS.ASSISTANT_VERSION.isNotNull())
                .and(USAGE_RECORDS.OCCURRED_AT.ge(dayStart(from)))
                .and(USAGE_RECORDS.OCCURRED_AT.lt(dayStart(to.plusDays(1))));
        var insert = dsl.insertInto(USAGE_VERSION_DAYS, USAGE_VERSION_DAYS.TENANT_ID, USAGE_VERSION_DAYS.DAY,
                USAGE_VERSION_DAYS.ASSISTANT_VERSION, USAGE_VERSION_DAYS.CALLS, USAGE_VERSION_DAYS.ERRORS,
                USAGE_VERSION_DAYS.FAILOVERS, USAGE_VERSION_DAYS.TOKENS, USAGE_VERSION_DAYS.COST_USD,
                USAGE_VERSION_DAYS.LATENCY_BUCKETS);
        boolean any = false;
        for (var e : aggregate(where, true, true).entrySet()) {
            Totals t = e.getValue();
            int[] stored = LatencyHistogram.empty().add(t.histogram).toStored();
            insert = insert.values(tenant.value(), e.getKey().day(), e.getKey().version(), Math.toIntExact(t.calls),
                    Math.toIntExact(t.errors), Math.toIntExact(t.failovers), t.tokens, t.cost,
                    Arrays.stream(stored).boxed().toArray(Integer[]::new));
            any = true;
        }
        if (any) {
            insert.execute();
        }
    }

    /** A version's calls on a day (day null: over the whole span). */
    private record Key(@Nullable LocalDate day, int version) {
    }

    /** Calls, failures, failovers, tokens, cost and the latency histogram of one version (on a day, or a span). */
    private record Totals(long calls, long errors, long failovers, long tokens, BigDecimal cost, int[] histogram) {

        static Totals of(com.frontline.db.llm.tables.records.UsageVersionDaysRecord r) {
            int[] histogram = new int[LatencyHistogram.BUCKETS];
            Integer[] stored = r.getLatencyBuckets();
            for (int i = 0; stored != null && i < Math.min(stored.length, histogram.length); i++) {
                histogram[i] = stored[i] == null ? 0 : stored[i];
            }
            return new Totals(r.getCalls(), r.getErrors(), r.getFailovers(), r.getTokens(), r.getCostUsd(), histogram);
        }

        Totals plus(Totals o) {
            int[] h = histogram.clone();
            for (int i = 0; i < h.length; i++) {
                h[i] += o.histogram[i];
            }
            return new Totals(calls + o.calls, errors + o.errors, failovers + o.failovers, tokens + o.tokens,
                    cost.add(o.cost), h);
        }
    }

    /**
     * The records' calls per version (and per UTC day when {@code byDay}); with {@code withLatency}, in one pass grouped
     * by latency bucket (no sort of the calls), else without latency (the guard's once-a-minute look needs none).
     */
    private Map<Key, Totals> aggregate(Condition where, boolean byDay, boolean withLatency) {
        Condition called = USAGE_RECORDS.OUTCOME.ne("SKIPPED");
        Field<Integer> calls = count().filterWhere(called).as("calls");
        Field<Integer> errors = count().filterWhere(called.and(USAGE_RECORDS.SUCCESS.isFalse())).as("errors");
        Field<Integer> failovers = count().filterWhere(called.and(USAGE_RECORDS.FAILOVER)).as("failovers");
        Field<Long> tokens = coalesce(sum(USAGE_RECORDS.TOKENS_IN.plus(USAGE_RECORDS.TOKENS_OUT)).cast(Long.class),
                inline(0L)).as("tokens");
        Field<BigDecimal> cost = coalesce(sum(USAGE_RECORDS.COST_USD), inline(BigDecimal.ZERO)).as("cost");
        Field<Integer> bucket = withLatency
                ? field("width_bucket({0}, " + LatencyHistogram.SQL_BOUNDS + ")", Integer.class,
                        USAGE_RECORDS.LATENCY_MS).as("bucket")
                : inline(0).as("bucket");
        Field<LocalDate> day = byDay
                ? field("(({0} at time zone 'UTC')::date)", LocalDate.class, USAGE_RECORDS.OCCURRED_AT).as("day")
                : inline((LocalDate) null, LocalDate.class).as("day");
        Map<Key, Totals> result = new LinkedHashMap<>();
        // @formatter:off
        dsl.select(day, USAGE_RECORDS.ASSISTANT_VERSION, bucket, calls, errors, failovers, tokens, cost)
                .from(USAGE_RECORDS)
                .where(where)
                .groupBy(byDay ? List.of(day, USAGE_RECORDS.ASSISTANT_VERSION, bucket)
                               : withLatency ? List.of(USAGE_RECORDS.ASSISTANT_VERSION, bucket)
                                           : List.of(USAGE_RECORDS.ASSISTANT_VERSION))
                .forEach(r -> {
                    int[] histogram = new int[LatencyHistogram.BUCKETS];
                    Integer b = r.get(bucket);
                    histogram[Math.clamp(b == null ? 0 : b, 0, LatencyHistogram.BUCKETS - 1)] += r.get(calls);
                    result.merge(new Key(r.get(day), r.get(USAGE_RECORDS.ASSISTANT_VERSION)),
                            new Totals(r.get(calls), r.get(errors), r.get(failovers), r.get(tokens), r.get(cost),
                                    histogram), Totals::plus);
                });
        // @formatter:on
        return result;
    }

    private static Condition recordsOf(TenantId tenant, Collection<Integer> versions, OffsetDateTime from,
                                       OffsetDateTime to) {
        return USAGE_RECORDS.TENANT_ID.eq(tenant.value())
                .and(USAGE_RECORDS.ASSISTANT_VERSION.in(versions))
                .and(USAGE_RECORDS.OCCURRED_AT.ge(from))
                .and(USAGE_RECORDS.OCCURRED_AT.lt(to));
    }

    private static Map<Integer, VersionCalls> calls(Collection<Integer> versions, Map<Integer, Totals> totals,
                                                    boolean latency) {
        Map<Integer, VersionCalls> result = new LinkedHashMap<>();
        versions.forEach(v -> result.put(v, VersionCalls.none(v)));
        totals.forEach((version, t) -> {
            if (!result.containsKey(version)) {
                return;
            }
            double p50 = Double.NaN;
            double p95 = Double.NaN;
            double p99 = Double.NaN;
            if (latency && t.calls > 0) {
                LatencyHistogram h = LatencyHistogram.empty().add(t.histogram);
                p50 = h.percentile(50);
                p95 = h.percentile(95);
                p99 = h.percentile(99);
            }
            result.put(version, new VersionCalls(version, t.calls, t.errors, t.failovers, t.tokens, t.cost, p50,
                    p95, p99));
        });
        return result;
    }

    private static OffsetDateTime dayStart(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
