-- Each workspace's retrieval knobs (see com.frontline.search.RetrievalSettings). A workspace without a row uses the
-- tuned defaults from the code, so improving the defaults reaches every workspace that never changed them.
create schema if not exists search;

create table search.retrieval_settings (
    tenant_id   uuid             primary key references tenants.workspaces (id) on delete cascade,
    fusion      text             not null check (fusion in ('WEIGHTED', 'RRF')),
    bm25_weight double precision not null check (bm25_weight between 0 and 1),
    top_k       int              not null check (top_k between 1 and 20),
    candidates  int              not null check (candidates between 1 and 200),
    min_score   double precision not null check (min_score between 0 and 1),
    updated_by  uuid,
    updated_at  timestamptz      not null default now(),
    constraint retrieval_settings_candidates_cover_top_k check (candidates >= top_k)
);
