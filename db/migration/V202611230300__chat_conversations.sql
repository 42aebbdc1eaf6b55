-- Conversations between a workspace's assistant (or its agents) and a customer, in the playground or the widget.
create schema if not exists chat;

create table chat.conversations (
    id             uuid        not null,
    tenant_id      uuid        not null references tenants.workspaces (id) on delete cascade,
    channel        text        not null check (channel in ('PLAYGROUND', 'WIDGET')),
    -- the widget's anonymous visitor id, or the portal user trying the playground
    visitor_id     text        not null,
    status         text        not null default 'BOT' check (status in ('BOT', 'WAITING', 'AGENT', 'RESOLVED')),
    handoff_reason text,
    handoff_at     timestamptz,
    agent_id       uuid,
    agent_name     text,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    primary key (tenant_id, id)
);
create index conversations_tenant_status_idx on chat.conversations (tenant_id, status, updated_at desc);
create index conversations_tenant_visitor_idx on chat.conversations (tenant_id, visitor_id, updated_at desc);

create table chat.messages (
    id              uuid             not null,
    tenant_id       uuid             not null,
    conversation_id uuid             not null,
    seq             bigint           generated always as identity,
    author          text             not null check (author in ('CUSTOMER', 'ASSISTANT', 'AGENT', 'SYSTEM')),
    author_name     text,
    body            text             not null,
    citations       jsonb            not null default '[]',
    confidence      double precision,
    low_confidence  boolean          not null default false,
    extractive      boolean          not null default false,
    provider        text,
    model           text,
    feedback        smallint check (feedback in (-1, 1)),
    created_at      timestamptz      not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, conversation_id) references chat.conversations (tenant_id, id) on delete cascade
);
create index messages_tenant_conversation_idx on chat.messages (tenant_id, conversation_id, seq);

-- Per-workspace chat settings: when the assistant admits it is unsure, and where handoffs are announced.
create table chat.chat_settings (
    tenant_id            uuid             not null primary key references tenants.workspaces (id) on delete cascade,
    confidence_threshold double precision not null default 0.5,
    webhook_url          text,
    webhook_secret       text             not null,
    updated_at           timestamptz      not null default now()
);

create table chat.webhook_deliveries (
    id              uuid        not null,
    tenant_id       uuid        not null references tenants.workspaces (id) on delete cascade,
    conversation_id uuid        not null,
    url             text        not null,
    status          text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        int         not null default 0,
    last_error      text,
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    primary key (tenant_id, id)
);
create index webhook_deliveries_tenant_created_idx on chat.webhook_deliveries (tenant_id, created_at desc);
