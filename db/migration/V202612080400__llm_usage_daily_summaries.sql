-- Daily summaries of llm.usage_records (issue #12, "Providers and cost"): one row per workspace, UTC day, provider,
-- model, purpose and outcome, kept by a db-scheduler job (llm.internal.UsageSummaryJob) that recomputes the last days
-- and every day not yet final. The dashboard reads these for final days and the raw records for the rest, so a long
-- period costs about what a short one does. Raw records older than the workspace's retention are deleted, but only
-- for days these rows already hold (usage_summary_state.complete_through).
create table llm.usage_daily (
    tenant_id       uuid           not null references tenants.workspaces (id) on delete cascade,
    day             date           not null,
    provider        text           not null,
    model           text           not null,
    purpose         text           not null,
    outcome         text           not null,
    -- hops that reached the provider (outcome <> SKIPPED), and hops skipped because the circuit was open
    calls           int            not null,
    skipped         int            not null,
    successes       int            not null,
    failures        int            not null,
    failovers       int            not null,
    tokens_in       bigint         not null,
    tokens_out      bigint         not null,
    cost_usd        numeric(18, 6) not null,
    latency_sum_ms  bigint         not null,
    -- calls per latency bucket (llm.internal.LatencyHistogram: integer lower bounds about 2^(1/8) apart, so a
    -- percentile read from the buckets is within 5 % of the exact one); trailing empty buckets are left off
    latency_buckets int[]          not null,
    primary key (tenant_id, day, provider, model, purpose, outcome)
);

-- Distinct conversations that had an answer call, per day: in all (provider = model = ''), per provider (model = '')
-- and per provider and model. Cost per conversation divides by these.
create table llm.usage_daily_conversations (
    tenant_id     uuid not null references tenants.workspaces (id) on delete cascade,
    day           date not null,
    provider      text not null,
    model         text not null,
    conversations int  not null,
    primary key (tenant_id, day, provider, model)
);

-- How far a workspace's summaries are final: every day up to complete_through was recomputed after it had ended
-- (plus a grace period for transactions still committing), so its raw records may go.
create table llm.usage_summary_state (
    tenant_id        uuid        not null primary key references tenants.workspaces (id) on delete cascade,
    complete_through date        not null,
    summarised_at    timestamptz not null
);

-- How long raw usage records are kept (the summaries stay). At least 35 days: the budget and the Providers page read
-- this month's raw records.
create table llm.usage_settings (
    tenant_id      uuid        not null primary key references tenants.workspaces (id) on delete cascade,
    retention_days int         not null default 90 check (retention_days between 35 and 3650),
    updated_at     timestamptz not null default now()
);
