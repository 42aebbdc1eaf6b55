-- A daily roll-up of the model calls each assistant version made (llm.VersionUsage), so an experiment's calls, errors,
-- failovers, tokens, cost and latency since its start cost what a day does and outlive the raw records' retention.
-- One row per workspace, UTC day and version; written by the usage summary job together with llm.usage_daily, for
-- the same days, and final from the same llm.usage_summary_state.complete_through.
create table llm.usage_version_days (
    tenant_id         uuid           not null references tenants.workspaces (id) on delete cascade,
    day               date           not null,
    assistant_version int            not null,
    -- calls that reached a provider (skipped hops are no calls), of them failed ones and failovers
    calls             int            not null,
    errors            int            not null,
    failovers         int            not null,
    tokens            bigint         not null,
    cost_usd          numeric(18, 6) not null,
    -- calls per latency bucket (llm.internal.LatencyHistogram), trailing empty buckets left off
    latency_buckets   int[]          not null,
    primary key (tenant_id, day, assistant_version)
);

-- Days summarised before this table existed have no version rows: they are read from the raw records (kept for at
-- least 35 days). versions_from is the first day whose version rows the job wrote; null: every day.
alter table llm.usage_summary_state add column versions_from date;
update llm.usage_summary_state set versions_from = complete_through + 1;

-- An evaluation run's calls answer for a version but are no visitor's traffic: from now on they are recorded without
-- a version (chat.AnswerComposer); the ones recorded so far lose it too, so every figure per version leaves them out.
update llm.usage_records u
   set assistant_version = null
  from chat.conversations c
 where c.tenant_id = u.tenant_id
   and c.id = u.conversation_id
   and c.channel = 'EVALUATION'
   and u.assistant_version is not null;
