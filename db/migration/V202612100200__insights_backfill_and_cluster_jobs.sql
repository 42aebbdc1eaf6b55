-- Knowledge gaps, part two: the backfill that analyses conversations stored before the batch analysis existed, and
-- the state of a workspace's background re-cluster.

-- One row per workspace whose earlier conversations are (or were) walked. The walk goes through the chat's
-- conversations in id order, one page per transaction; after_conversation is the watermark committed with each page.
create table insights.backfills (
    tenant_id          uuid        not null primary key references tenants.workspaces (id) on delete cascade,
    status             text        not null check (status in ('RUNNING', 'DONE')),
    -- conversations to walk when the backfill started (new ones may be walked too: done may pass it)
    total              int         not null,
    -- conversations walked so far, and of those, analysed by the backfill (the rest the live batches had noted)
    done               int         not null default 0,
    analysed           int         not null default 0,
    after_conversation uuid,
    started_at         timestamptz not null,
    updated_at         timestamptz not null,
    finished_at        timestamptz
);

-- The last re-cluster asked for (by the button, or after a backfill), run by a db-scheduler task in the background.
create table insights.cluster_jobs (
    tenant_id    uuid        not null primary key references tenants.workspaces (id) on delete cascade,
    status       text        not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    -- unanswered questions to cluster when it was asked for
    questions    int         not null,
    -- how many times the task has run for this workspace (each request runs it once)
    runs         int         not null default 0,
    requested_at timestamptz not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    error        text
);
