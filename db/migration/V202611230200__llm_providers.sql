-- The llm module: each workspace's AI providers (API keys encrypted with AES-GCM under the master key), its routing
-- rules and budget, its model prices and one usage record per model call.
create schema if not exists llm;

create table llm.providers (
    tenant_id          uuid        not null references tenants.workspaces (id) on delete cascade,
    id                 uuid        not null,
    kind               text        not null check (kind in ('OPENAI', 'ANTHROPIC', 'GEMINI', 'MISTRAL', 'OLLAMA',
                                                            'OPENAI_COMPATIBLE')),
    label              text        not null,
    base_url           text,
    -- version byte, 12-byte IV, ciphertext and GCM tag; the tenant id is the additional authenticated data
    api_key_ciphertext bytea,
    api_key_last4      text,
    default_model      text        not null,
    cheap_model        text,
    strong_model       text,
    long_context_model text,
    timeout_ms         int         not null default 30000 check (timeout_ms between 100 and 300000),
    supports_tools     boolean     not null default true,
    enabled            boolean     not null default true,
    -- failover order, lowest first
    priority           int         not null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    primary key (tenant_id, id)
);
create unique index providers_tenant_label_uk on llm.providers (tenant_id, lower(label));
create index providers_tenant_priority_idx on llm.providers (tenant_id, priority);

-- Routing rules and budget; a workspace without a row uses the defaults.
create table llm.settings (
    tenant_id          uuid          not null references tenants.workspaces (id) on delete cascade,
    routing_enabled    boolean       not null default true,
    simple_max_score   int           not null default 30 check (simple_max_score between 0 and 100),
    complex_min_score  int           not null default 65 check (complex_min_score between 0 and 100),
    long_context_chars int           not null default 12000 check (long_context_chars > 0),
    monthly_budget_usd numeric(12, 2) check (monthly_budget_usd >= 0),
    updated_at         timestamptz   not null default now(),
    primary key (tenant_id)
);

-- A workspace's own prices (USD per million tokens); models without a row use the built-in defaults.
create table llm.model_prices (
    tenant_id        uuid           not null references tenants.workspaces (id) on delete cascade,
    model            text           not null,
    input_per_mtok   numeric(12, 4) not null check (input_per_mtok >= 0),
    output_per_mtok  numeric(12, 4) not null check (output_per_mtok >= 0),
    updated_at       timestamptz    not null default now(),
    primary key (tenant_id, model)
);

create table llm.usage_records (
    tenant_id       uuid           not null references tenants.workspaces (id) on delete cascade,
    id              bigint         generated always as identity,
    occurred_at     timestamptz    not null default now(),
    conversation_id uuid,
    provider_id     uuid,
    provider        text           not null,
    provider_kind   text           not null,
    model           text           not null,
    -- what the call was for: an answer, a question rewrite or a connection test
    purpose         text           not null check (purpose in ('ANSWER', 'REWRITE', 'TEST')),
    route           text           not null,
    routing_reason  text           not null,
    complexity      int            not null,
    hop             int            not null,
    tokens_in       int            not null,
    tokens_out      int            not null,
    cost_usd        numeric(14, 6) not null,
    latency_ms      int            not null,
    -- OK, ERROR, TIMEOUT, EMPTY (nothing usable came back) or SKIPPED (circuit open)
    outcome         text           not null check (outcome in ('OK', 'ERROR', 'TIMEOUT', 'EMPTY', 'SKIPPED')),
    success         boolean        not null,
    -- true when an earlier hop of the same request failed or was skipped
    failover        boolean        not null,
    error           text,
    primary key (tenant_id, id)
);
create index usage_records_tenant_time_idx on llm.usage_records (tenant_id, occurred_at desc);
