-- Experiments and rollouts of assistant versions (the rollouts module): an A/B(/n) split or a gradual rollout of a
-- candidate version, its arms (the split in force), and the deployment history (who or what changed the split).
create schema if not exists rollouts;

create table rollouts.experiments (
    tenant_id            uuid             not null references tenants.workspaces (id) on delete cascade,
    id                   uuid             not null,
    -- 1, 2, 3 … per workspace, as people name them ("experiment 4")
    number               int              not null,
    name                 text             not null check (char_length(name) between 1 and 120),
    kind                 text             not null check (kind in ('AB', 'ROLLOUT')),
    status               text             not null check (status in ('GATING', 'BLOCKED', 'RUNNING', 'COMPLETED',
                                                                     'ROLLED_BACK', 'STOPPED')),
    -- the version the others are compared with: the live version when the experiment was created
    baseline_version     int              not null,
    -- a rollout's steps: [{"basisPoints": 1000, "minDurationSeconds": 3600, "minSample": 100}, …]; [] for A/B
    plan                 jsonb            not null default '[]',
    -- the step in force (index into plan); -1 for A/B
    step                 int              not null default -1,
    -- the guard's settings
    guard_metric         text             not null,
    relative_drop        double precision not null check (relative_drop > 0 and relative_drop < 1),
    alpha                double precision not null check (alpha >= 0.001 and alpha <= 0.2),
    guard_window_seconds int              not null check (guard_window_seconds >= 600),
    min_sample           int              not null check (min_sample >= 10),
    auto_advance         boolean          not null,
    -- what the guard carries from one look to the next, per compared arm:
    -- {"candidate": {"windowFrom": "…", "metricP": 0.4, "errorP": 1.0}}
    guard_state          jsonb            not null default '{}',
    guard_looks          bigint           not null default 0,
    guard_looked_at      timestamptz,
    -- the offline gate (rollouts): the evaluation runs of the candidate and of the baseline, their scores
    gate_candidate_run   uuid,
    gate_baseline_run    uuid,
    gate_candidate_score double precision,
    gate_baseline_score  double precision,
    gate_passed          boolean,
    gate_summary         text,
    override_reason      text check (char_length(override_reason) <= 500),
    created_by           text             not null,
    created_by_id        uuid,
    created_at           timestamptz      not null default now(),
    started_at           timestamptz,
    step_started_at      timestamptz,
    ended_at             timestamptz,
    -- optimistic locking: every change of status, step or split sets lock_version = lock_version + 1
    lock_version         bigint           not null default 1,
    -- the last change in words, for the conflict message ("the guard rolled it back"), and when
    last_change          text             not null default 'created it',
    last_change_by       text,
    changed_at           timestamptz      not null default now(),
    primary key (tenant_id, id),
    constraint experiments_tenant_number_uk unique (tenant_id, number),
    -- checked at commit: removing a workspace deletes its versions and its experiments in one statement
    foreign key (tenant_id, baseline_version) references assistants.versions (tenant_id, number)
        deferrable initially deferred,
    check ((kind = 'AB') = (step = -1))
);
-- Two experiments on the same traffic are refused: at most one holds a workspace's traffic.
create unique index experiments_one_active_uk on rollouts.experiments (tenant_id)
    where status in ('GATING', 'BLOCKED', 'RUNNING');

-- The split in force: one row per arm. The ordinal is the arm's place in the bucket order (a rollout's candidate
-- first, so that growing its share keeps its visitors); the version must be one of the workspace's own.
create table rollouts.arms (
    tenant_id     uuid not null,
    experiment_id uuid not null,
    name          text not null check (char_length(name) between 1 and 40),
    ordinal       int  not null,
    version       int  not null,
    basis_points  int  not null check (basis_points between 0 and 10000),
    primary key (tenant_id, experiment_id, name),
    constraint arms_version_uk unique (tenant_id, experiment_id, version),
    constraint arms_ordinal_uk unique (tenant_id, experiment_id, ordinal),
    foreign key (tenant_id, experiment_id) references rollouts.experiments (tenant_id, id) on delete cascade,
    foreign key (tenant_id, version) references assistants.versions (tenant_id, number)
        deferrable initially deferred
);

-- The deployment history: who (null: the guard or the gate) changed the split, when, why, with the numbers.
create table rollouts.deployment_events (
    tenant_id     uuid        not null,
    id            bigint      generated always as identity,
    experiment_id uuid        not null,
    at            timestamptz not null,
    actor         text,
    action        text        not null check (action in ('created', 'gate_passed', 'gate_blocked', 'overridden',
                                                         'advanced', 'completed', 'rolled_back', 'stopped')),
    from_split    text        not null,
    to_split      text        not null,
    reason        text        not null check (char_length(reason) <= 2000),
    numbers       jsonb       not null default '{}',
    primary key (tenant_id, id),
    foreign key (tenant_id, experiment_id) references rollouts.experiments (tenant_id, id) on delete cascade
);
create index deployment_events_tenant_at_idx on rollouts.deployment_events (tenant_id, at desc, id desc);
create index deployment_events_rollback_idx on rollouts.deployment_events (tenant_id, at desc, id desc)
    where action = 'rolled_back';
