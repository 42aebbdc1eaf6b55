-- The alerts module (issue #12, "Alerts"): thresholds per workspace, the alerts raised (by the evaluation job or by
-- other modules through com.frontline.alerts.Alerts), their deliveries by e-mail and webhook, and when each member
-- last looked at the list (the unread badge).
create schema if not exists alerts;

create table alerts.settings (
    tenant_id            uuid          not null primary key references tenants.workspaces (id) on delete cascade,
    cost_enabled         boolean       not null default true,
    -- raise when this month's spending reaches this share of the monthly budget (llm.settings)
    cost_budget_percent  int           not null default 100 check (cost_budget_percent between 1 and 1000),
    latency_enabled      boolean       not null default true,
    latency_p95_ms       int           not null default 10000 check (latency_p95_ms between 100 and 600000),
    failure_enabled      boolean       not null default true,
    failure_rate_percent int           not null default 25 check (failure_rate_percent between 1 and 100),
    -- latency and failure rate look at the calls of the last window_minutes, and only when there are min_calls
    window_minutes       int           not null default 60 check (window_minutes between 5 and 1440),
    min_calls            int           not null default 20 check (min_calls between 1 and 100000),
    handoff_enabled      boolean       not null default true,
    -- handoffs of the last 24 hours against the daily mean of the 7 days before
    handoff_factor       numeric(6, 2) not null default 2.00 check (handoff_factor between 1.1 and 100),
    handoff_min          int           not null default 5 check (handoff_min between 1 and 100000),
    quality_enabled      boolean       not null default true,
    -- the helpful rate of the last 7 days against the 28 days before, in percentage points
    quality_drop_points  int           not null default 10 check (quality_drop_points between 1 and 100),
    quality_min_ratings  int           not null default 20 check (quality_min_ratings between 1 and 100000),
    -- the same kind and key is not raised again within this many minutes; repeats are counted on the alert
    throttle_minutes     int           not null default 360 check (throttle_minutes between 5 and 10080),
    email_enabled        boolean       not null default true,
    webhook_url          text          check (char_length(webhook_url) <= 500),
    updated_at           timestamptz   not null default now()
);

-- Every alert raised (a throttled repeat is counted on the alert it repeats).
create table alerts.raised (
    tenant_id             uuid        not null references tenants.workspaces (id) on delete cascade,
    id                    uuid        not null,
    kind                  text        not null check (kind in ('QUALITY_DROP', 'COST_OVER_BUDGET', 'LATENCY_P95',
                                                               'PROVIDER_FAILURE_RATE', 'HANDOFF_SPIKE')),
    -- what the alert is about within its kind (a provider, a month, an experiment): the throttle's unit
    key                   text        not null check (char_length(key) <= 200),
    title                 text        not null check (char_length(title) <= 200),
    summary               text        not null check (char_length(summary) <= 2000),
    -- the figures that triggered it, by name
    numbers               jsonb       not null default '{}',
    -- a path in the portal (/w/<slug>/...) showing those figures
    link                  text        check (char_length(link) <= 2000),
    status                text        not null default 'OPEN' check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    raised_at             timestamptz not null default now(),
    repeats               int         not null default 0,
    last_repeated_at      timestamptz,
    acknowledged_at       timestamptz,
    acknowledged_by_email text,
    resolved_at           timestamptz,
    resolved_by_email     text,
    primary key (tenant_id, id)
);
create index raised_tenant_raised_idx on alerts.raised (tenant_id, raised_at desc, id desc);
create index raised_tenant_kind_key_idx on alerts.raised (tenant_id, kind, key, raised_at desc);
create index raised_tenant_open_idx on alerts.raised (tenant_id, raised_at) where status = 'OPEN';

create table alerts.deliveries (
    tenant_id    uuid        not null,
    id           uuid        not null,
    alert_id     uuid        not null,
    channel      text        not null check (channel in ('EMAIL', 'WEBHOOK')),
    -- the webhook address, or the e-mail recipients
    target       text        not null,
    status       text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED', 'SKIPPED')),
    attempts     int         not null default 0,
    last_error   text,
    created_at   timestamptz not null default now(),
    delivered_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, alert_id) references alerts.raised (tenant_id, id) on delete cascade
);
create index deliveries_tenant_alert_idx on alerts.deliveries (tenant_id, alert_id);

-- When a member last opened the alerts list: alerts raised since then count as unread.
create table alerts.seen (
    tenant_id uuid        not null references tenants.workspaces (id) on delete cascade,
    user_id   uuid        not null,
    seen_at   timestamptz not null,
    primary key (tenant_id, user_id)
);

-- The daily helpful-rate check's last run per workspace.
create table alerts.checks (
    tenant_id  uuid        not null references tenants.workspaces (id) on delete cascade,
    name       text        not null,
    checked_at timestamptz not null,
    primary key (tenant_id, name)
);
