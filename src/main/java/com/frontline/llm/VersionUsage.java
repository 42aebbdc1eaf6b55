package com.frontline.llm;

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
import static org.jooq.impl.DSL.percentileCont;
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
     * @param latencyP50 the calls' latency percentiles in milliseconds (continuous, as PostgreSQL's
     *                  {@code percentile_cont}); NaN without calls or when not asked for
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
     * @param latency               whether to compute the latency percentiles (a sort of the span's calls)
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
        Field<Double> p50 = latency ? percentile(0.50, called, "p50") : inline((Double) null).as("p50");
        Field<Double> p95 = latency ? percentile(0.95, called, "p95") : inline((Double) null).as("p95");
        Field<Double> p99 = latency ? percentile(0.99, called, "p99") : inline((Double) null).as("p99");
        Condition where = USAGE_RECORDS.TENANT_ID.eq(tenant.value())
                .and(USAGE_RECORDS.ASSISTANT_VERSION.in(versions))
                .and(USAGE_RECORDS.OCCURRED_AT.ge(from))
                .and(USAGE_RECORDS.OCCURRED_AT.lt(to));
        if (!excludedConversations.isEmpty()) {
            where = where.and(USAGE_RECORDS.CONVERSATION_ID.isNull().or(USAGE_RECORDS.CONVERSATION_ID.ne(
                    field("all({0})", UUID.class, val(excludedConversations.toArray(UUID[]::new))))));
        }
        // @formatter:off
        dsl.select(USAGE_RECORDS.ASSISTANT_VERSION, calls, errors, failovers, tokens, cost, p50, p95, p99)
                .from(USAGE_RECORDS)
                .where(where)
                .groupBy(USAGE_RECORDS.ASSISTANT_VERSION)
                .forEach(r -> result.put(r.get(USAGE_RECORDS.ASSISTANT_VERSION), new VersionCalls(
                        r.get(USAGE_RECORDS.ASSISTANT_VERSION), r.get(calls), r.get(errors), r.get(failovers),
                        r.get(tokens), r.get(cost), orNaN(r.get(p50)), orNaN(r.get(p95)), orNaN(r.get(p99)))));
        // @formatter:on
        return result;
    }

    private static Field<Double> percentile(double q, Condition called, String name) {
        return percentileCont(q).withinGroupOrderBy(USAGE_RECORDS.LATENCY_MS).filterWhere(called)
                .cast(Double.class).as(name);
    }

    private static double orNaN(@org.jspecify.annotations.Nullable Double d) {
        return d == null ? Double.NaN : d;
    }
}
