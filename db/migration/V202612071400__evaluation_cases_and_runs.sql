-- A workspace's evaluation set (cases from approved corrections and from CSV uploads) and the runs of that set
-- through the assistant, each with one result per case. Owned by the evaluation module.
create schema if not exists evaluation;

create table evaluation.cases (
    tenant_id          uuid        not null references tenants.workspaces (id) on delete cascade,
    id                 uuid        not null,
    origin             text        not null check (origin in ('CORRECTION', 'UPLOAD')),
    -- for a case from a correction: the correction and the approved version the case holds
    correction_id      uuid,
    correction_version int,
    question           text        not null check (length(question) between 1 and 5000),
    expected_answer    text        not null check (length(expected_answer) <= 5000),
    expected_source    text check (length(expected_source) <= 5000),
    -- a retired correction's case stays listed but is no longer asked
    retired            boolean     not null default false,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    primary key (tenant_id, id),
    constraint cases_tenant_correction_uk unique (tenant_id, correction_id),
    check ((origin = 'CORRECTION') = (correction_id is not null))
);
create index cases_tenant_created_idx on evaluation.cases (tenant_id, created_at, id);

create table evaluation.runs (
    tenant_id         uuid        not null references tenants.workspaces (id) on delete cascade,
    id                uuid        not null,
    -- 1, 2, 3… per workspace, as people name runs ("run 4")
    number            int         not null,
    status            text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    status_detail     text,
    started_by        uuid,
    started_by_name   text,
    total             int         not null,
    done              int         not null default 0,
    -- the totals, written when the run is done (null: no case to measure)
    answer_rate       double precision,
    citation_hit_rate double precision,
    mean_token_f1     double precision,
    verified_fired    int,
    errors            int,
    provider          text,
    model             text,
    created_at        timestamptz not null default now(),
    finished_at       timestamptz,
    primary key (tenant_id, id),
    constraint runs_tenant_number_uk unique (tenant_id, number)
);
-- one run at a time per workspace
create unique index runs_tenant_running_uk on evaluation.runs (tenant_id) where status = 'RUNNING';
create index runs_tenant_created_idx on evaluation.runs (tenant_id, created_at desc);

-- One row per case of a run, written with the case as it was when the run started (pending: outcome null), then
-- filled in as the case is asked; deleting a case later leaves past runs whole.
create table evaluation.run_results (
    tenant_id       uuid             not null,
    run_id          uuid             not null,
    ordinal         int              not null,
    case_id         uuid             not null,
    origin          text             not null,
    question        text             not null,
    expected_answer text             not null,
    expected_source text,
    outcome         text check (outcome in ('ANSWERED', 'FALLBACK', 'HANDOFF', 'CLARIFY', 'ERROR')),
    answer          text,
    cited           text[],
    citation_hit    boolean,
    token_f1        double precision,
    verified        boolean,
    confidence      double precision,
    provider        text,
    model           text,
    millis          double precision,
    conversation_id uuid,
    primary key (tenant_id, run_id, ordinal),
    foreign key (tenant_id, run_id) references evaluation.runs (tenant_id, id) on delete cascade
);
create index run_results_tenant_case_idx on evaluation.run_results (tenant_id, case_id);
