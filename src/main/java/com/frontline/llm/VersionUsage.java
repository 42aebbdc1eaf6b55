package com.frontline.llm;

import com.frontline.llm.internal.LatencyHistogram;
import com.frontline.shared.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static com.frontline.db.llm.Tables.USAGE_RECORDS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;

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

    VersionUsage(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Per version, the calls made in [from, to).
     *
     * @param excludedConversations conversations whose calls do not count (evaluation runs)
     * @param latency               whether to compute the latency percentiles: from the calls' log-spaced
     *                              histogram ({@link LatencyHistogram}, nearest rank, within
     *                              {@value LatencyHistogram#MAX_RELATIVE_ERROR_PERCENT} % of the exact value), so that
     *                              a month of calls is counted in one pass, without sorting them
     * @return one entry per asked version, zeros for a version without calls
     */
    @Transactional(readOnly = true)
    public Map<Integer, VersionCalls> byVersion(TenantId tenant, Collection<Integer> versions, OffsetDateTime from,
                                                OffsetDateTime to, Collection<UUID> excludedConversations,
                                                boolean latency) {
        Map<Integer, VersionCalls> result = new LinkedHashMap<>();
        versions.forEach(v -> result.put(v, VersionCalls.none(v)));
        if (versions.isEmpty()) {
            return result;
        }
        Condition called = USAGE_RECORDS.OUTCOME.ne("SKIPPED");
        Field<Integer> calls = count().filterWhere(called).as("calls");
        Field<Integer> errors = count().filterWhere(called.and(USAGE_RECORDS.SUCCESS.isFalse())).as("errors");
        Field<Integer> failovers = count().filterWhere(called.and(USAGE_RECORDS.FAILOVER)).as("failovers");
        Field<Long> tokens = coalesce(sum(USAGE_RECORDS.TOKENS_IN.plus(USAGE_RECORDS.TOKENS_OUT)).cast(Long.class),
                inline(0L)).as("tokens");
        Field<BigDecimal> cost = coalesce(sum(USAGE_RECORDS.COST_USD), inline(BigDecimal.ZERO)).as("cost");
        Field<Integer> bucket = latency
                ? field("width_bucket({0}, " + LatencyHistogram.SQL_BOUNDS + ")", Integer.class,
                USAGE_RECORDS.LATENCY_MS).as("bucket")
                : inline(0).as("bucket");
        Condition where = USAGE_RECORDS.TENANT_ID.eq(tenant.value())
                .and(USAGE_RECORDS.ASSISTANT_VERSION.in(versions))
                .and(USAGE_RECORDS.OCCURRED_AT.ge(from))
                .and(USAGE_RECORDS.OCCURRED_AT.lt(to));
        if (!excludedConversations.isEmpty()) {
            // a hashed subplan: one look-up per call, however many conversations are left out
            where = where.and(USAGE_RECORDS.CONVERSATION_ID.isNull().or(USAGE_RECORDS.CONVERSATION_ID.notIn(
                    select(field("unnest({0})", UUID.class, val(excludedConversations.toArray(UUID[]::new)))))));
        }
        Map<Integer, long[]> totals = new LinkedHashMap<>();
        Map<Integer, BigDecimal> costs = new LinkedHashMap<>();
        Map<Integer, int[]> histograms = new LinkedHashMap<>();
        // @formatter:off
        dsl.select(USAGE_RECORDS.ASSISTANT_VERSION, bucket, calls, errors, failovers, tokens, cost)
                .from(USAGE_RECORDS)
                .where(where)
                .groupBy(USAGE_RECORDS.ASSISTANT_VERSION, bucket)
                .forEach(r -> {
                    int version = r.get(USAGE_RECORDS.ASSISTANT_VERSION);
                    long[] t = totals.computeIfAbsent(version, v -> new long[4]);
                    t[0] += r.get(calls);
                    t[1] += r.get(errors);
                    t[2] += r.get(failovers);
                    t[3] += r.get(tokens);
                    costs.merge(version, r.get(cost), BigDecimal::add);
                    int b = Math.clamp(r.get(bucket), 0, LatencyHistogram.BUCKETS - 1);
                    histograms.computeIfAbsent(version, v -> new int[LatencyHistogram.BUCKETS])[b] += r.get(calls);
                });
        // @formatter:on
        totals.forEach((version, t) -> {
            double p50 = Double.NaN;
            double p95 = Double.NaN;
            double p99 = Double.NaN;
            if (latency && t[0] > 0) {
                LatencyHistogram h = LatencyHistogram.empty().add(histograms.get(version));
                p50 = h.percentile(50);
                p95 = h.percentile(95);
                p99 = h.percentile(99);
            }
            result.put(version, new VersionCalls(version, t[0], t[1], t[2], t[3], costs.get(version), p50, p95,
                    p99));
        });
        return result;
    }

}
