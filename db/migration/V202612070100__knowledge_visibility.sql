-- Who may read a document's passages: PUBLIC help content, which the website widget may quote, or INTERNAL knowledge
-- that only the workspace's people see (playground, inbox, agent assist). Every document so far was help content.
alter table knowledge.documents
    add column visibility text not null default 'PUBLIC' check (visibility in ('PUBLIC', 'INTERNAL'));

-- Facts other modules hand to knowledge to be searchable (the accounts module's KPI facts), kept here so that knowledge
-- is the only writer of the search index and "Rebuild index" restores them. One row per passage; only the newest
-- version of each source's facts is kept. Account facts are internal data: never quoted by the website widget.
create table knowledge.facts (
    tenant_id      uuid    not null references tenants.workspaces (id) on delete cascade,
    id             uuid    not null,
    source_type    text    not null check (source_type in ('ACCOUNT')),
    source_id      uuid    not null,
    version        int     not null,
    ordinal        int     not null,
    title          text    not null,
    heading_path   text[]  not null,
    text           text    not null,
    content_sha256 text    not null,
    -- the 384-d MiniLM embedding; reused for identical fact text within the workspace
    embedding      real[]  not null,
    visibility     text    not null default 'INTERNAL' check (visibility in ('PUBLIC', 'INTERNAL')),
    primary key (tenant_id, id)
);
create index facts_tenant_source_idx on knowledge.facts (tenant_id, source_type, source_id, version, ordinal);
create index facts_tenant_sha_idx on knowledge.facts (tenant_id, content_sha256);
