-- The knowledge base: documents, their versions (with the uploaded file) and their chunks. PostgreSQL is the source
-- of truth; Elasticsearch holds a rebuildable copy of the chunks of each document's live version.
create schema if not exists knowledge;

create table knowledge.documents (
    id             uuid        not null,
    tenant_id      uuid        not null references tenants.workspaces (id) on delete cascade,
    title          text        not null,
    filename       text,
    -- the version whose chunks are in the search index (0: none yet); the newest upload may still be in progress
    live_version   int         not null default 0,
    latest_version int         not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    primary key (tenant_id, id)
);
create index documents_tenant_updated_idx on knowledge.documents (tenant_id, updated_at desc);
create index documents_tenant_filename_idx on knowledge.documents (tenant_id, filename);

create table knowledge.document_versions (
    tenant_id      uuid        not null,
    document_id    uuid        not null,
    version        int         not null,
    document_type  text        not null,
    content_sha256 text        not null,
    size_bytes     bigint      not null,
    status         text        not null check (status in ('QUEUED', 'PARSING', 'CHUNKING', 'EMBEDDING', 'INDEXING',
                                                        'INDEXED', 'FAILED', 'SUPERSEDED')),
    status_detail  text,
    chunk_count    int,
    attempts       int         not null default 0,
    uploaded_by    uuid,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    indexed_at     timestamptz,
    primary key (tenant_id, document_id, version),
    foreign key (tenant_id, document_id) references knowledge.documents (tenant_id, id) on delete cascade
);
create index document_versions_tenant_sha_idx on knowledge.document_versions (tenant_id, content_sha256);
create index document_versions_tenant_status_idx on knowledge.document_versions (tenant_id, status);

-- The uploaded bytes, apart from the version rows so that listing versions stays cheap.
create table knowledge.document_files (
    tenant_id    uuid  not null,
    document_id  uuid  not null,
    version      int   not null,
    content_type text  not null,
    bytes        bytea not null,
    primary key (tenant_id, document_id, version),
    foreign key (tenant_id, document_id, version)
        references knowledge.document_versions (tenant_id, document_id, version) on delete cascade
);

create table knowledge.chunks (
    tenant_id      uuid    not null,
    id             uuid    not null,
    document_id    uuid    not null,
    version        int     not null,
    ordinal        int     not null,
    heading_path   text[]  not null,
    text           text    not null,
    content_sha256 text    not null,
    -- the 384-d MiniLM embedding; reused for identical chunk text within the workspace
    embedding      real[],
    primary key (tenant_id, id),
    foreign key (tenant_id, document_id, version)
        references knowledge.document_versions (tenant_id, document_id, version) on delete cascade
);
create index chunks_tenant_document_idx on knowledge.chunks (tenant_id, document_id, version, ordinal);
create index chunks_tenant_sha_idx on knowledge.chunks (tenant_id, content_sha256) where embedding is not null;

-- Progress of a workspace's "rebuild all" (one row per workspace, the latest run).
create table knowledge.rebuilds (
    tenant_id   uuid        primary key references tenants.workspaces (id) on delete cascade,
    started_at  timestamptz not null default now(),
    total       int         not null,
    done        int         not null default 0,
    finished_at timestamptz,
    error       text
);
