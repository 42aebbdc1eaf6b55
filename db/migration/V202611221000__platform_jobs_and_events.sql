-- Infrastructure tables, global by design (they hold work for every workspace; each row's payload carries its
-- tenant): Spring Modulith's durable event publication log (schema v2, as shipped in spring-modulith-events-jdbc)
-- and db-scheduler's task table (as documented for PostgreSQL). Kept in public, outside the modules' schemas.
create table if not exists public.event_publication (
    id                     uuid                     not null,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on public.event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on public.event_publication (completion_date);

create table public.scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on public.scheduled_tasks (execution_time);
create index last_heartbeat_idx on public.scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on public.scheduled_tasks (priority desc, execution_time asc);
