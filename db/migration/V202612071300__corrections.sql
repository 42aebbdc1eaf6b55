-- Corrections: the right answer a teammate writes for a question the assistant got wrong (or an agent's reply to a
-- handed-off customer, proposed automatically), reviewed in an approval queue. Approved ones answer matching
-- questions at once ("Verified answer") by the cosine of question embeddings, compared in memory.
create schema if not exists corrections;

create table corrections.corrections (
    tenant_id         uuid        not null references tenants.workspaces (id) on delete cascade,
    id                uuid        not null,
    question          text        not null check (char_length(question) between 1 and 5000),
    answer            text        not null check (char_length(answer) between 1 and 5000),
    source_url        text        check (char_length(source_url) <= 2000),
    category          text        check (char_length(category) <= 100),
    status            text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'RETIRED')),
    origin            text        not null check (origin in ('MANUAL', 'HANDOFF')),
    -- the assistant's answer it corrects (MANUAL from an answer) or the resolved conversation (HANDOFF)
    answer_message_id uuid,
    conversation_id   uuid,
    author_id         uuid,
    author_name       text        not null,
    quality_score     smallint    check (quality_score between 1 and 5),
    reviewer_comment  text        check (char_length(reviewer_comment) <= 2000),
    -- the text's version (1, then one more per edit; every text is kept in correction_versions)
    text_version      integer     not null default 1,
    -- optimistic locking: every change sets version = version + 1 where version = the version the form showed
    version           integer     not null default 1,
    -- who last changed it and how, for the conflict message ("Sam approved this 1 minute ago")
    last_action       text        not null default 'created',
    last_actor        text        not null,
    hit_count         bigint      not null default 0,
    -- further handed-off conversations with a near-identical question merged into this proposal
    also_asked        integer     not null default 0,
    -- the question's embedding (all-MiniLM-L6-v2, 384 dimensions, unit length)
    question_embedding real[]     not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    primary key (tenant_id, id)
);
create index corrections_tenant_status_idx on corrections.corrections (tenant_id, status, updated_at desc);

-- every text a correction had, the current one included
create table corrections.correction_versions (
    tenant_id     uuid        not null,
    correction_id uuid        not null,
    text_version  integer     not null,
    question      text        not null,
    answer        text        not null,
    source_url    text,
    category      text,
    written_by    text        not null,
    created_at    timestamptz not null default now(),
    primary key (tenant_id, correction_id, text_version),
    foreign key (tenant_id, correction_id) references corrections.corrections (tenant_id, id) on delete cascade
);

-- a resolved conversation is proposed once, even when the event is delivered again
create table corrections.handoff_proposals (
    tenant_id       uuid        not null references tenants.workspaces (id) on delete cascade,
    conversation_id uuid        not null,
    correction_id   uuid        not null,
    created_at      timestamptz not null default now(),
    primary key (tenant_id, conversation_id)
);

create table corrections.settings (
    tenant_id       uuid             not null primary key references tenants.workspaces (id) on delete cascade,
    match_threshold double precision not null check (match_threshold between 0.70 and 0.99),
    updated_at      timestamptz      not null default now()
);
