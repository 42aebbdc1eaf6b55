-- Privacy: how long a workspace keeps its transcripts, and the erasures carried out (of one end customer, by the
-- retention job, of a whole workspace) with the Elasticsearch part still pending until it is done.
create schema if not exists privacy;

-- Blank retention_days keeps transcripts forever.
create table privacy.settings (
    tenant_id      uuid        not null primary key references tenants.workspaces (id) on delete cascade,
    retention_days integer     check (retention_days between 7 and 3650),
    updated_at     timestamptz not null default now()
);

-- One erasure of conversations (of one end customer, or a retention run's batch). Never holds the personal data
-- itself: counts, and the ids of the search documents still to delete while the Elasticsearch part is PENDING.
create table privacy.erasures (
    tenant_id        uuid        not null references tenants.workspaces (id) on delete cascade,
    id               uuid        not null,
    kind             text        not null check (kind in ('CUSTOMER', 'RETENTION')),
    status           text        not null check (status in ('PENDING', 'DONE')),
    conversations    integer     not null,
    messages         integer     not null,
    corrections      integer     not null,
    search_documents uuid[]      not null default '{}',
    attempts         integer     not null default 0,
    last_error       text,
    created_at       timestamptz not null default now(),
    completed_at     timestamptz,
    primary key (tenant_id, id)
);
create index erasures_tenant_created_idx on privacy.erasures (tenant_id, created_at desc);
create index erasures_tenant_pending_idx on privacy.erasures (tenant_id) where status = 'PENDING';

-- Deleted workspaces, at platform level: outlives the workspace (so no tenant_id, and no reference to it), names no
-- personal data, and keeps the Elasticsearch part PENDING until the workspace's documents are gone.
create table privacy.workspace_deletions (
    workspace_id   uuid        not null primary key,
    workspace_name text        not null,
    deleted_by     uuid,
    status         text        not null check (status in ('PENDING', 'DONE')),
    attempts       integer     not null default 0,
    last_error     text,
    deleted_at     timestamptz not null default now(),
    completed_at   timestamptz
);
