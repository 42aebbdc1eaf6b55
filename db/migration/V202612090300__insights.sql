-- Knowledge gaps: what the batch analysis read from each customer message, the vectors of the questions the
-- assistant did not answer well, the clusters of those questions, and the article drafts written from a cluster.
create schema if not exists insights;

-- One row per conversation that has customer messages: how far the analysis has read it (its watermark).
create table insights.conversations (
    tenant_id         uuid        not null references tenants.workspaces (id) on delete cascade,
    conversation_id   uuid        not null,
    -- the newest customer message seen (chat's message seq) and when it was written
    last_customer_seq bigint      not null,
    last_customer_at  timestamptz not null,
    -- customer messages with a seq up to this one are analysed; 0: none yet
    analysed_seq      bigint      not null default 0,
    analysed_at       timestamptz,
    primary key (tenant_id, conversation_id)
);
-- only conversations with messages not yet analysed are in this index; it leads with tenant_id like every index here
-- (the idle sweep's one cross-workspace read scans it whole, which stays small)
create index insights_conversations_due_idx on insights.conversations (tenant_id, last_customer_at)
    where last_customer_seq > analysed_seq;

-- What the analysis read from one customer message. Text is redacted of personal data before it is stored.
create table insights.message_insights (
    tenant_id       uuid             not null references tenants.workspaces (id) on delete cascade,
    message_id      uuid             not null,
    conversation_id uuid             not null,
    seq             bigint           not null,
    question        text             not null,
    asked_at        timestamptz      not null,
    topic           text             not null,
    topic_method    text             not null,
    intent          text             not null check (intent in ('QUESTION', 'COMPLAINT', 'REQUEST', 'GREETING', 'OTHER')),
    sentiment       text             not null check (sentiment in ('POSITIVE', 'NEUTRAL', 'NEGATIVE')),
    sentiment_score double precision not null,
    language        text             not null,
    answered        boolean          not null,
    -- ANSWERED, FALLBACK, THUMBS_DOWN, HANDOFF, LOW_CONFIDENCE, NO_ANSWER, NOT_A_QUESTION
    answer_signal   text             not null,
    method          text             not null,
    analysed_at     timestamptz      not null default now(),
    primary key (tenant_id, message_id)
);
create index message_insights_conversation_idx on insights.message_insights (tenant_id, conversation_id);
create index message_insights_gaps_idx on insights.message_insights (tenant_id, asked_at) where not answered;

-- The embedding of each unanswered question, computed once: a re-cluster does not embed again.
create table insights.question_vectors (
    tenant_id  uuid   not null references tenants.workspaces (id) on delete cascade,
    message_id uuid   not null,
    vector     real[] not null,
    primary key (tenant_id, message_id),
    foreign key (tenant_id, message_id) references insights.message_insights (tenant_id, message_id) on delete cascade
);

-- The last clustering of a workspace's unanswered questions (replaced by each run).
create table insights.cluster_runs (
    tenant_id   uuid        not null primary key references tenants.workspaces (id) on delete cascade,
    ran_at      timestamptz not null,
    questions   int         not null,
    clustered   int         not null,
    sampled     int         not null,
    method      text        not null,
    millis      bigint      not null
);

create table insights.clusters (
    tenant_id  uuid        not null references tenants.workspaces (id) on delete cascade,
    id         uuid        not null,
    label      text        not null,
    terms      text[]      not null,
    volume     int         not null,
    this_week  int         not null,
    last_week  int         not null,
    -- questions per week, oldest first (8 weeks)
    weekly     int[]       not null,
    spam       boolean     not null default false,
    -- the cluster's questions were answered after an article was saved: re-run results
    rerun_at       timestamptz,
    rerun_answered int,
    rerun_total    int,
    primary key (tenant_id, id)
);
create index clusters_tenant_volume_idx on insights.clusters (tenant_id, volume desc);

create table insights.cluster_members (
    tenant_id       uuid             not null,
    cluster_id      uuid             not null,
    message_id      uuid             not null,
    conversation_id uuid             not null,
    question        text             not null,
    asked_at        timestamptz      not null,
    centrality      double precision not null,
    primary key (tenant_id, cluster_id, message_id),
    foreign key (tenant_id, cluster_id) references insights.clusters (tenant_id, id) on delete cascade
);
create index cluster_members_conversation_idx on insights.cluster_members (tenant_id, conversation_id);

-- Article drafts built from a cluster, validated into VALIDATED or REJECTED with their report.
create table insights.drafts (
    tenant_id     uuid        not null references tenants.workspaces (id) on delete cascade,
    id            uuid        not null,
    cluster_id    uuid        not null,
    cluster_label text        not null,
    title         text        not null,
    body          text        not null,
    method        text        not null,
    status        text        not null check (status in ('VALIDATED', 'REJECTED', 'SAVED')),
    -- [{"check": "...", "passed": true, "detail": "..."}]
    report        jsonb       not null,
    -- the questions the draft answers (redacted), for the re-run after it is saved
    questions     text[]      not null,
    document_id   uuid,
    created_at    timestamptz not null default now(),
    saved_at      timestamptz,
    primary key (tenant_id, id)
);
create index drafts_tenant_cluster_idx on insights.drafts (tenant_id, cluster_id, created_at desc);
