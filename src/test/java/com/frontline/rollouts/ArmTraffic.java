package com.frontline.rollouts;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Website traffic of one assistant version written straight into the chat and llm tables, as the widget and the
 * model calls would leave it, at the time a test needs: one widget conversation per answer, the first
 * {@code helpful} of them rated 👍, the next {@code rated − helpful} 👎, the rest unrated.
 */
final class ArmTraffic {

    private final DSLContext dsl;

    ArmTraffic(DSLContext dsl) {
        this.dsl = dsl;
    }

    void answers(TenantId tenant, int version, int answers, int rated, int helpful, Instant at) {
        OffsetDateTime t = at.atOffset(ZoneOffset.UTC);
        dsl.execute("""
                with c as (
                    insert into chat.conversations (tenant_id, id, channel, visitor_id, created_at, updated_at)
                    select ?, gen_random_uuid(), 'WIDGET', 'visitor-' || gen_random_uuid(), ?::timestamptz, ?::timestamptz
                      from generate_series(1, ?)
                    returning id),
                n as (select id, row_number() over () as i from c)
                insert into chat.messages (tenant_id, id, conversation_id, author, body, assistant_version, feedback,
                                           created_at)
                select ?, gen_random_uuid(), n.id, 'ASSISTANT', 'An answer.', ?,
                       case when n.i <= ? then 1 when n.i <= ? then -1 end, ?::timestamptz
                  from n""", tenant.value(), t, t, answers, tenant.value(), version, helpful, rated, t);
        analyze();
    }

    /**
     * Fresh planner statistics, as autovacuum keeps them in a live database: planned on the statistics of a nearly
     * empty table, a join over a bulk insert's rows can take a nested loop over sequential scans (seen: a
     * 150,000-answer join running for minutes until the next autoanalyze).
     */
    private void analyze() {
        dsl.execute("analyze chat.messages, chat.conversations, llm.usage_records");
    }

    /** {@code calls} model calls of the version, the first {@code errors} of them failed. */
    void calls(TenantId tenant, int version, int calls, int errors, Instant at) {
        OffsetDateTime t = at.atOffset(ZoneOffset.UTC);
        dsl.execute("""
                insert into llm.usage_records (tenant_id, occurred_at, provider, provider_kind, model, purpose, route,
                                               routing_reason, complexity, hop, tokens_in, tokens_out, cost_usd,
                                               latency_ms, outcome, success, failover, assistant_version)
                select ?, ?::timestamptz, 'OpenAI', 'OPENAI', 'gpt-4.1-mini', 'ANSWER', 'DEFAULT', 'fixture', 10, 0, 100, 50,
                       0.0001, 400 + (g % 200), case when g <= ? then 'ERROR' else 'OK' end, g > ?, false, ?
                  from generate_series(1, ?) g""", tenant.value(), t, errors, errors, version, calls);
        analyze();
    }
}
