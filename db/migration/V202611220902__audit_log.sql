-- Who did what, when, with the state before and after, per workspace.
create schema if not exists audit;

create table audit.entries (
    id          bigint      generated always as identity primary key,
    tenant_id   uuid        not null references tenants.workspaces (id) on delete cascade,
    actor_id    uuid,
    actor_email text,
    action      text        not null,
    target      text,
    before      jsonb,
    after       jsonb,
    at          timestamptz not null default now()
);
create index entries_tenant_at_idx on audit.entries (tenant_id, at desc, id desc);
