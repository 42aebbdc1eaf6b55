-- A daily roll-up of each assistant version's website answers (chat.VersionStatsRepository), so an experiment's
-- figures since its start cost what a day does (issue #12: a month of a million answers took ~20 s to count). One row
-- per workspace, UTC day and assistant version; only what chat.VersionAnswerStats counts: assistant answers with a
-- version, evaluation conversations left out. Conversations are counted per day (a conversation answered on two UTC
-- days counts on both), the same way the live reads count them. It is kept by the same job, the same change marks
-- (chat.answer_days_stale) and the same "complete through" state as chat.answer_days: both are recomputed together.
create table chat.version_days (
    tenant_id             uuid             not null references tenants.workspaces (id) on delete cascade,
    day                   date             not null,
    assistant_version     int              not null,
    conversations         int              not null,
    handoff_conversations int              not null,
    answers               int              not null,
    rated                 int              not null,
    helpful               int              not null,
    fallbacks             int              not null,
    implicit_count        int              not null,
    implicit_sum          double precision not null,
    primary key (tenant_id, day, assistant_version)
);

-- Days already rolled up have no version rows yet: start every workspace's roll-up afresh (the pages read live until
-- the job, within minutes, has rolled them up again).
delete from chat.answer_days_state;
