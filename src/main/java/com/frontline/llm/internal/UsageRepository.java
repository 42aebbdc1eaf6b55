package com.frontline.llm.internal;

import com.frontline.shared.TenantId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static com.frontline.db.llm.Tables.USAGE_RECORDS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.percentileCont;
import static org.jooq.impl.DSL.sum;

@Repository
class UsageRepository {

    private static final Condition CALLED = USAGE_RECORDS.OUTCOME.ne(Outcome.SKIPPED.name());

    private final DSLContext dsl;

    UsageRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(TenantId tenant, UsageRecord u) {
        insert(tenant, u, null);
    }

    /** @param assistantVersion the assistant version the call answered for; null for the draft or a test */
    void insert(TenantId tenant, UsageRecord u, @Nullable Integer assistantVersion) {
        dsl.insertInto(USAGE_RECORDS)
                .set(USAGE_RECORDS.TENANT_ID, tenant.value())
                .set(USAGE_RECORDS.CONVERSATION_ID, u.conversationId())
                .set(USAGE_RECORDS.PROVIDER_ID, u.providerId())
                .set(USAGE_RECORDS.PROVIDER, u.provider())
                .set(USAGE_RECORDS.PROVIDER_KIND, u.providerKind())
                .set(USAGE_RECORDS.MODEL, u.model())
                .set(USAGE_RECORDS.PURPOSE, u.purpose().name())
                .set(USAGE_RECORDS.ROUTE, u.route())
                .set(USAGE_RECORDS.ROUTING_REASON, u.routingReason())
                .set(USAGE_RECORDS.COMPLEXITY, u.complexity())
                .set(USAGE_RECORDS.HOP, u.hop())
                .set(USAGE_RECORDS.TOKENS_IN, u.tokensIn())
                .set(USAGE_RECORDS.TOKENS_OUT, u.tokensOut())
                .set(USAGE_RECORDS.COST_USD, u.costUsd())
                .set(USAGE_RECORDS.LATENCY_MS, u.latencyMs())
                .set(USAGE_RECORDS.OUTCOME, u.outcome().name())
                .set(USAGE_RECORDS.SUCCESS, u.outcome().success())
                .set(USAGE_RECORDS.FAILOVER, u.failover())
                .set(USAGE_RECORDS.ERROR, u.error())
                .set(USAGE_RECORDS.ASSISTANT_VERSION, assistantVersion)
                .execute();
    }

    BigDecimal costSince(TenantId tenant, OffsetDateTime since) {
        return dsl.select(coalesce(sum(USAGE_RECORDS.COST_USD), BigDecimal.ZERO))
                .from(USAGE_RECORDS)
                .where(USAGE_RECORDS.TENANT_ID.eq(tenant.value()), USAGE_RECORDS.OCCURRED_AT.ge(since))
                .fetchSingle().value1();
    }

    /** Per provider and model, the most expensive first. */
    List<UsageLine> summary(TenantId tenant, OffsetDateTime since) {
        // @formatter:off
        return dsl.select(USAGE_RECORDS.PROVIDER, USAGE_RECORDS.MODEL)
                .select(aggregates())
                .from(USAGE_RECORDS)
                .where(USAGE_RECORDS.TENANT_ID.eq(tenant.value()), USAGE_RECORDS.OCCURRED_AT.ge(since))
                .groupBy(USAGE_RECORDS.PROVIDER, USAGE_RECORDS.MODEL)
                .orderBy(sum(USAGE_RECORDS.COST_USD).desc(), count().desc(), USAGE_RECORDS.PROVIDER)
                .fetch(r -> line(r, r.get(USAGE_RECORDS.PROVIDER), r.get(USAGE_RECORDS.MODEL)));
        // @formatter:on
    }

    UsageLine total(TenantId tenant, OffsetDateTime since) {
        return dsl.select(aggregates())
                .from(USAGE_RECORDS)
                .where(USAGE_RECORDS.TENANT_ID.eq(tenant.value()), USAGE_RECORDS.OCCURRED_AT.ge(since))
                .fetchSingle(r -> line(r, "", ""));
    }

    /** The latest records, newest first. */
    List<UsageRecord> recent(TenantId tenant, int limit) {
        return dsl.selectFrom(USAGE_RECORDS)
                .where(USAGE_RECORDS.TENANT_ID.eq(tenant.value()))
                .orderBy(USAGE_RECORDS.ID.desc())
                .limit(limit)
                .fetch(r -> new UsageRecord(r.getOccurredAt(), r.getConversationId(), r.getProviderId(),
                        r.getProvider(), r.getProviderKind(), r.getModel(), Purpose.valueOf(r.getPurpose()),
                        r.getRoute(), r.getRoutingReason(), r.getComplexity(), r.getHop(), r.getTokensIn(),
                        r.getTokensOut(), r.getCostUsd(), r.getLatencyMs(), Outcome.valueOf(r.getOutcome()),
                        r.getFailover(), r.getError()));
    }

    private static List<Field<?>> aggregates() {
        return List.of(
                count().filterWhere(CALLED).as("calls"),
                count().filterWhere(CALLED.and(USAGE_RECORDS.SUCCESS.isFalse())).as("failures"),
                count().filterWhere(CALLED.not()).as("skipped"),
                count().filterWhere(USAGE_RECORDS.FAILOVER.isTrue()).as("failovers"),
                coalesce(sum(USAGE_RECORDS.TOKENS_IN), BigDecimal.ZERO).as("tokens_in"),
                coalesce(sum(USAGE_RECORDS.TOKENS_OUT), BigDecimal.ZERO).as("tokens_out"),
                coalesce(sum(USAGE_RECORDS.COST_USD), BigDecimal.ZERO).as("cost"),
                coalesce(percentileCont(0.5).withinGroupOrderBy(USAGE_RECORDS.LATENCY_MS).filterWhere(CALLED),
                        inline(0)).as("p50"),
                coalesce(percentileCont(0.95).withinGroupOrderBy(USAGE_RECORDS.LATENCY_MS).filterWhere(CALLED),
                        inline(0)).as("p95"));
    }

    private static UsageLine line(Record r, String provider, String model) {
        return new UsageLine(provider, model, r.get("calls", Long.class), r.get("failures", Long.class),
                r.get("skipped", Long.class), r.get("failovers", Long.class), r.get("tokens_in", Long.class),
                r.get("tokens_out", Long.class), r.get("cost", BigDecimal.class),
                Math.round(r.get("p50", Double.class)), Math.round(r.get("p95", Double.class)));
    }
}
