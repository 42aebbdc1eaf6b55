package com.frontline.llm.internal;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.frontline.db.llm.Tables.USAGE_DAILY;
import static com.frontline.db.llm.Tables.USAGE_DAILY_CONVERSATIONS;
import static com.frontline.db.llm.Tables.USAGE_RECORDS;
import static com.frontline.db.llm.Tables.USAGE_SETTINGS;
import static com.frontline.db.llm.Tables.USAGE_SUMMARY_STATE;
import static org.jooq.impl.DSL.min;

/**
 * The daily usage summaries ({@code llm.usage_daily} and {@code llm.usage_daily_conversations}), the aggregate they
 * are made of (also read live for days that are not final), how far they are final, and the raw records' retention.
 * Every method but {@link #workspacesWithRecords()} takes the workspace first and reads or writes only its rows.
 */
@Repository
class UsageSummaryRepository {

    /** Raw records of a workspace in [from, to), by UTC day, provider, model, purpose and outcome. */
    private static final String AGGREGATE = """
            select day, provider, model, purpose, outcome,
                   sum(calls)::bigint as calls, sum(skipped)::bigint as skipped, sum(successes)::bigint as successes,
                   sum(failures)::bigint as failures, sum(failovers)::bigint as failovers,
                   sum(tokens_in)::bigint as tokens_in, sum(tokens_out)::bigint as tokens_out,
                   sum(cost_usd) as cost_usd, sum(latency_sum_ms)::bigint as latency_sum_ms,
                   array_agg(bucket order by bucket) filter (where bucket is not null) as buckets,
                   array_agg(calls order by bucket) filter (where bucket is not null) as bucket_counts
              from (select (occurred_at at time zone 'UTC')::date as day, provider, model, purpose, outcome,
                           case when outcome <> 'SKIPPED' then width_bucket(latency_ms, %s) end as bucket,
                           count(*) filter (where outcome <> 'SKIPPED') as calls,
                           count(*) filter (where outcome = 'SKIPPED') as skipped,
                           count(*) filter (where success) as successes,
                           count(*) filter (where not success and outcome <> 'SKIPPED') as failures,
                           count(*) filter (where failover) as failovers,
                           coalesce(sum(tokens_in), 0) as tokens_in, coalesce(sum(tokens_out), 0) as tokens_out,
                           coalesce(sum(cost_usd), 0) as cost_usd,
                           coalesce(sum(latency_ms) filter (where outcome <> 'SKIPPED'), 0) as latency_sum_ms
                      from llm.usage_records
                     where tenant_id = ? and occurred_at >= ?::timestamptz and occurred_at < ?::timestamptz
                     group by 1, 2, 3, 4, 5, 6) g
             group by day, provider, model, purpose, outcome
            """.formatted(LatencyHistogram.SQL_BOUNDS);

    /**
     * Distinct conversations with answer or rewrite calls, per UTC day: in all, per provider, per provider and model
     * (provider and model '' where the grouping leaves them out).
     */
    private static final String CONVERSATIONS = """
            select (occurred_at at time zone 'UTC')::date as day, coalesce(provider, '') as provider,
                   coalesce(model, '') as model, count(distinct conversation_id) as conversations
              from llm.usage_records
             where tenant_id = ? and occurred_at >= ?::timestamptz and occurred_at < ?::timestamptz
               and conversation_id is not null
               and purpose in ('ANSWER', 'REWRITE')
             group by grouping sets ((1), (1, provider), (1, provider, model))
            """;

    /** How far a workspace's summaries are final, and when they were last brought up to date. */
    record State(LocalDate completeThrough, OffsetDateTime summarisedAt) {
    }

    /** Distinct conversations of a day, in all ({@code provider} and {@code model} ''), per provider or per model. */
    record DayConversations(LocalDate day, String provider, String model, long conversations) {
    }

    /** Calls of a window per provider (or in all, provider ''), with failures and the exact p95 latency. */
    record WindowLine(String provider, long calls, long failures, long p95LatencyMs) {
    }

    private final DSLContext dsl;

    UsageSummaryRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Every workspace with raw usage records: the job's one read across workspaces. A loose index scan over the
     * primary key (tenant_id, id) reads one index entry per workspace, however many records there are.
     */
    List<TenantId> workspacesWithRecords() {
        return dsl.resultQuery("""
                        with recursive t as (
                            (select tenant_id from llm.usage_records order by tenant_id limit 1)
                            union all
                            select (select u.tenant_id from llm.usage_records u where u.tenant_id > t.tenant_id
                                     order by u.tenant_id limit 1)
                              from t where t.tenant_id is not null)
                        select tenant_id from t where tenant_id is not null""")
                .fetch(r -> TenantId.of(r.get(0, UUID.class)));
    }

    /** Whether the workspace has records at or after {@code since} (one index probe). */
    boolean hasRecordsSince(TenantId tenant, OffsetDateTime since) {
        return dsl.fetchExists(dsl.selectOne().from(USAGE_RECORDS)
                .where(USAGE_RECORDS.TENANT_ID.eq(tenant.value()), USAGE_RECORDS.OCCURRED_AT.ge(since)));
    }

    /** The UTC day of the workspace's oldest raw record. */
    Optional<LocalDate> firstDay(TenantId tenant) {
        OffsetDateTime first = dsl.select(min(USAGE_RECORDS.OCCURRED_AT)).from(USAGE_RECORDS)
                .where(USAGE_RECORDS.TENANT_ID.eq(tenant.value()))
                .fetchOne(0, OffsetDateTime.class);
        return Optional.ofNullable(first).map(t -> t.atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
    }

    /** Serialises the summary runs of one workspace (two nodes, or the job and a test) until the transaction ends. */
    void lock(TenantId tenant) {
        dsl.resultQuery("select pg_advisory_xact_lock(hashtext('llm.usage_summaries'), hashtext(?))",
                tenant.value().toString()).fetch();
    }

    @Nullable State state(TenantId tenant) {
        return dsl.selectFrom(USAGE_SUMMARY_STATE)
                .where(USAGE_SUMMARY_STATE.TENANT_ID.eq(tenant.value()))
                .fetchOptional(r -> new State(r.getCompleteThrough(), r.getSummarisedAt()))
                .orElse(null);
    }

    void saveState(TenantId tenant, LocalDate completeThrough, OffsetDateTime at) {
        // @formatter:off
        dsl.insertInto(USAGE_SUMMARY_STATE)
                .set(USAGE_SUMMARY_STATE.TENANT_ID, tenant.value())
                .set(USAGE_SUMMARY_STATE.COMPLETE_THROUGH, completeThrough)
                .set(USAGE_SUMMARY_STATE.SUMMARISED_AT, at)
                .onConflict(USAGE_SUMMARY_STATE.TENANT_ID)
                .doUpdate()
                .set(USAGE_SUMMARY_STATE.COMPLETE_THROUGH, completeThrough)
                .set(USAGE_SUMMARY_STATE.SUMMARISED_AT, at)
                .execute();
        // @formatter:on
    }

    /** The aggregate of the raw records of the UTC days {@code from} … {@code to} (inclusive). */
    List<UsageDayGroup> aggregate(TenantId tenant, LocalDate from, LocalDate to) {
        return dsl.resultQuery(AGGREGATE, tenant.value(), start(from), start(to.plusDays(1)))
                .fetch(UsageSummaryRepository::group);
    }

    List<DayConversations> aggregateConversations(TenantId tenant, LocalDate from, LocalDate to) {
        return dsl.resultQuery(CONVERSATIONS, tenant.value(), start(from), start(to.plusDays(1)))
                .fetch(r -> new DayConversations(r.get("day", LocalDate.class), r.get("provider", String.class),
                        r.get("model", String.class), r.get("conversations", Long.class)));
    }

    /** Replaces the summaries of the days {@code from} … {@code to} with these rows (idempotent). */
    void replaceDays(TenantId tenant, LocalDate from, LocalDate to, List<UsageDayGroup> groups,
                     List<DayConversations> conversations) {
        dsl.deleteFrom(USAGE_DAILY)
                .where(USAGE_DAILY.TENANT_ID.eq(tenant.value()), USAGE_DAILY.DAY.between(from, to))
                .execute();
        dsl.deleteFrom(USAGE_DAILY_CONVERSATIONS)
                .where(USAGE_DAILY_CONVERSATIONS.TENANT_ID.eq(tenant.value()),
                        USAGE_DAILY_CONVERSATIONS.DAY.between(from, to))
                .execute();
        var insert = dsl.insertInto(USAGE_DAILY, USAGE_DAILY.TENANT_ID, USAGE_DAILY.DAY, USAGE_DAILY.PROVIDER,
                USAGE_DAILY.MODEL, USAGE_DAILY.PURPOSE, USAGE_DAILY.OUTCOME, USAGE_DAILY.CALLS, USAGE_DAILY.SKIPPED,
                USAGE_DAILY.SUCCESSES, USAGE_DAILY.FAILURES, USAGE_DAILY.FAILOVERS, USAGE_DAILY.TOKENS_IN,
                USAGE_DAILY.TOKENS_OUT, USAGE_DAILY.COST_USD, USAGE_DAILY.LATENCY_SUM_MS, USAGE_DAILY.LATENCY_BUCKETS);
        boolean any = false;
        for (UsageDayGroup g : groups) {
            if (g.day().isBefore(from) || g.day().isAfter(to)) {
                continue;
            }
            int[] stored = g.latency().toStored();
            Integer[] buckets = new Integer[stored.length];
            for (int i = 0; i < stored.length; i++) {
                buckets[i] = stored[i];
            }
            insert = insert.values(tenant.value(), g.day(), g.provider(), g.model(), g.purpose(), g.outcome(),
                    (int) g.calls(), (int) g.skipped(), (int) g.successes(), (int) g.failures(), (int) g.failovers(),
                    g.tokensIn(), g.tokensOut(), g.costUsd(), g.latencySumMs(), buckets);
            any = true;
        }
        if (any) {
            insert.execute();
        }
        var conversationInsert = dsl.insertInto(USAGE_DAILY_CONVERSATIONS, USAGE_DAILY_CONVERSATIONS.TENANT_ID,
                USAGE_DAILY_CONVERSATIONS.DAY, USAGE_DAILY_CONVERSATIONS.PROVIDER, USAGE_DAILY_CONVERSATIONS.MODEL,
                USAGE_DAILY_CONVERSATIONS.CONVERSATIONS);
        any = false;
        for (DayConversations c : conversations) {
            if (c.day().isBefore(from) || c.day().isAfter(to)) {
                continue;
            }
            conversationInsert = conversationInsert.values(tenant.value(), c.day(), c.provider(), c.model(),
                    (int) c.conversations());
            any = true;
        }
        if (any) {
            conversationInsert.execute();
        }
    }

    /** The stored summaries of the days {@code from} … {@code to} (inclusive). */
    List<UsageDayGroup> summaries(TenantId tenant, LocalDate from, LocalDate to) {
        return dsl.selectFrom(USAGE_DAILY)
                .where(USAGE_DAILY.TENANT_ID.eq(tenant.value()), USAGE_DAILY.DAY.between(from, to))
                .fetch(r -> {
                    Integer[] stored = r.getLatencyBuckets();
                    int[] buckets = new int[stored == null ? 0 : stored.length];
                    for (int i = 0; i < buckets.length; i++) {
                        buckets[i] = stored[i] == null ? 0 : stored[i];
                    }
                    return new UsageDayGroup(r.getDay(), r.getProvider(), r.getModel(), r.getPurpose(),
                            r.getOutcome(), r.getCalls(), r.getSkipped(), r.getSuccesses(), r.getFailures(),
                            r.getFailovers(), r.getTokensIn(), r.getTokensOut(), r.getCostUsd(),
                            r.getLatencySumMs(), LatencyHistogram.empty().add(buckets));
                });
    }

    List<DayConversations> summaryConversations(TenantId tenant, LocalDate from, LocalDate to) {
        return dsl.selectFrom(USAGE_DAILY_CONVERSATIONS)
                .where(USAGE_DAILY_CONVERSATIONS.TENANT_ID.eq(tenant.value()),
                        USAGE_DAILY_CONVERSATIONS.DAY.between(from, to))
                .fetch(r -> new DayConversations(r.getDay(), r.getProvider(), r.getModel(), r.getConversations()));
    }

    /** This month's (or any span's) cost from the summaries of final days, without the latencies. */
    BigDecimal summaryCost(TenantId tenant, LocalDate from, LocalDate to) {
        BigDecimal cost = dsl.select(org.jooq.impl.DSL.sum(USAGE_DAILY.COST_USD)).from(USAGE_DAILY)
                .where(USAGE_DAILY.TENANT_ID.eq(tenant.value()), USAGE_DAILY.DAY.between(from, to))
                .fetchOne(0, BigDecimal.class);
        return cost == null ? BigDecimal.ZERO : cost;
    }

    /** The cost of the raw records in [from, to). */
    BigDecimal rawCost(TenantId tenant, OffsetDateTime from, OffsetDateTime to) {
        BigDecimal cost = dsl.select(org.jooq.impl.DSL.sum(USAGE_RECORDS.COST_USD)).from(USAGE_RECORDS)
                .where(USAGE_RECORDS.TENANT_ID.eq(tenant.value()), USAGE_RECORDS.OCCURRED_AT.ge(from),
                        USAGE_RECORDS.OCCURRED_AT.lt(to))
                .fetchOne(0, BigDecimal.class);
        return cost == null ? BigDecimal.ZERO : cost;
    }

    /**
     * The calls since {@code since} per provider and in all (provider ''), with failures and the exact p95 latency of
     * the calls that reached a provider; for the alert thresholds, over a short window of raw records.
     */
    List<WindowLine> window(TenantId tenant, OffsetDateTime since) {
        return dsl.resultQuery("""
                        select coalesce(provider, '') as provider,
                               count(*) filter (where outcome <> 'SKIPPED') as calls,
                               count(*) filter (where outcome <> 'SKIPPED' and not success) as failures,
                               coalesce(percentile_cont(0.95) within group (order by latency_ms)
                                        filter (where outcome <> 'SKIPPED'), 0) as p95
                          from llm.usage_records
                         where tenant_id = ? and occurred_at >= ?::timestamptz
                         group by grouping sets ((), (provider))""", tenant.value(), since)
                .fetch(r -> new WindowLine(r.get("provider", String.class), r.get("calls", Long.class),
                        r.get("failures", Long.class), Math.round(r.get("p95", Double.class))));
    }

    /**
     * Deletes up to {@code limit} raw records of the workspace older than {@code before}; the caller makes sure
     * their days are summarised.
     *
     * @return how many were deleted
     */
    int deleteRecordsBefore(TenantId tenant, OffsetDateTime before, int limit) {
        return dsl.execute("""
                delete from llm.usage_records
                 where tenant_id = ? and id in (select id from llm.usage_records
                                                 where tenant_id = ? and occurred_at < ?::timestamptz
                                                 limit ?)""", tenant.value(), tenant.value(), before, limit);
    }

    int retentionDays(TenantId tenant) {
        return dsl.select(USAGE_SETTINGS.RETENTION_DAYS).from(USAGE_SETTINGS)
                .where(USAGE_SETTINGS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(USAGE_SETTINGS.RETENTION_DAYS)
                .orElse(UsageProperties.DEFAULT_RETENTION_DAYS);
    }

    void saveRetentionDays(TenantId tenant, int days) {
        // @formatter:off
        dsl.insertInto(USAGE_SETTINGS)
                .set(USAGE_SETTINGS.TENANT_ID, tenant.value())
                .set(USAGE_SETTINGS.RETENTION_DAYS, days)
                .onConflict(USAGE_SETTINGS.TENANT_ID)
                .doUpdate()
                .set(USAGE_SETTINGS.RETENTION_DAYS, days)
                .set(USAGE_SETTINGS.UPDATED_AT, OffsetDateTime.now())
                .execute();
        // @formatter:on
    }

    static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static UsageDayGroup group(Record r) {
        Integer[] buckets = r.get("buckets", Integer[].class);
        Long[] counts = r.get("bucket_counts", Long[].class);
        LatencyHistogram latency = buckets == null || counts == null ? LatencyHistogram.empty()
                : LatencyHistogram.ofSparse(buckets, counts);
        return new UsageDayGroup(r.get("day", LocalDate.class), r.get("provider", String.class),
                r.get("model", String.class), r.get("purpose", String.class), r.get("outcome", String.class),
                r.get("calls", Long.class), r.get("skipped", Long.class), r.get("successes", Long.class),
                r.get("failures", Long.class), r.get("failovers", Long.class), r.get("tokens_in", Long.class),
                r.get("tokens_out", Long.class), r.get("cost_usd", BigDecimal.class),
                r.get("latency_sum_ms", Long.class), latency);
    }
}
