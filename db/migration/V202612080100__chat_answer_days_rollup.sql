-- A daily roll-up of the figures the feedback review page's cards count (chat.FeedbackRollupRepository), so a
-- 90-day period costs what a short one does. One row per workspace, UTC day and what the cards filter by (the
-- conversation's channel and the answer's provider/model); only answers the cards count: assistant answers outside
-- evaluation runs, small talk and clarifying questions left out. Kept by a db-scheduler job (chat.FeedbackRollupJob);
-- the page reads past days from here and today live.
create table chat.answer_days (
    tenant_id      uuid             not null references tenants.workspaces (id) on delete cascade,
    day            date             not null,
    channel        text             not null,
    provider       text,
    model          text,
    answers        int              not null,
    rated          int              not null,
    helpful        int              not null,
    fallbacks      int              not null,
    handoffs       int              not null,
    implicit_count int              not null,
    implicit_sum   double precision not null,
    -- provider and model may be missing on old answers: a missing one is a group of its own
    constraint answer_days_uk unique nulls not distinct (tenant_id, day, channel, provider, model)
);

-- Every UTC day up to and including complete_through is in chat.answer_days (days after it are read live). A
-- workspace without a row has not been rolled up yet: all of it is read live.
create table chat.answer_days_state (
    tenant_id        uuid not null primary key references tenants.workspaces (id) on delete cascade,
    complete_through date not null
);

-- Past days whose answers changed since they were rolled up (a late rating, an implicit score, a handoff, an answer
-- written with a past time or deleted): the page reads them live until the job has rolled them up again. version
-- grows with every change, so the job removes a mark only if nothing changed the day while it was recomputing it.
create table chat.answer_days_stale (
    tenant_id uuid   not null references tenants.workspaces (id) on delete cascade,
    day       date   not null,
    version   bigint not null default 1,
    primary key (tenant_id, day)
);

-- "Past" is before today (UTC) by the database's clock, read when the change is made; today is always read live.
-- A conversation's channel is set when it is created and never changes, so chat.conversations needs no trigger
-- (deleting a conversation deletes its messages, which the delete trigger sees).
-- Inserts and deletes mark once per statement (a bulk insert of history, a conversation deleted with its messages).
create function chat.answer_days_mark_inserted() returns trigger
    language plpgsql as
$$
begin
    insert into chat.answer_days_stale (tenant_id, day)
    select distinct tenant_id, (created_at at time zone 'UTC')::date
      from changed
     where author = 'ASSISTANT'
       and (created_at at time zone 'UTC')::date < (clock_timestamp() at time zone 'UTC')::date
     order by 1, 2
    on conflict (tenant_id, day) do update set version = chat.answer_days_stale.version + 1;
    return null;
end
$$;

create function chat.answer_days_mark_deleted() returns trigger
    language plpgsql as
$$
begin
    insert into chat.answer_days_stale (tenant_id, day)
    select distinct c.tenant_id, (c.created_at at time zone 'UTC')::date
      from changed c
     where c.author = 'ASSISTANT'
       and (c.created_at at time zone 'UTC')::date < (clock_timestamp() at time zone 'UTC')::date
       -- a workspace being deleted takes its roll-up with it: nothing to mark (and nothing it could reference)
       and exists (select 1 from tenants.workspaces w where w.id = c.tenant_id)
     order by 1, 2
    on conflict (tenant_id, day) do update set version = chat.answer_days_stale.version + 1;
    return null;
end
$$;

create function chat.answer_days_mark_updated() returns trigger
    language plpgsql as
$$
declare
    today    date := (clock_timestamp() at time zone 'UTC')::date;
    old_day  date := (old.created_at at time zone 'UTC')::date;
    new_day  date := (new.created_at at time zone 'UTC')::date;
begin
    if old.author = 'ASSISTANT' and old_day < today then
        insert into chat.answer_days_stale (tenant_id, day) values (old.tenant_id, old_day)
        on conflict (tenant_id, day) do update set version = chat.answer_days_stale.version + 1;
    end if;
    if new.author = 'ASSISTANT' and new_day < today
            and (new.tenant_id, new_day, new.author) is distinct from (old.tenant_id, old_day, old.author) then
        insert into chat.answer_days_stale (tenant_id, day) values (new.tenant_id, new_day)
        on conflict (tenant_id, day) do update set version = chat.answer_days_stale.version + 1;
    end if;
    return null;
end
$$;

create trigger answer_days_inserted
    after insert on chat.messages
    referencing new table as changed
    for each statement execute function chat.answer_days_mark_inserted();

create trigger answer_days_deleted
    after delete on chat.messages
    referencing old table as changed
    for each statement execute function chat.answer_days_mark_deleted();

-- Only a change to what the cards count (or to where the answer is counted) marks its day.
create trigger answer_days_updated
    after update of tenant_id, conversation_id, author, created_at, provider, model, feedback, low_confidence,
        handed_off, implicit_score on chat.messages
    for each row
    when ((old.author = 'ASSISTANT' or new.author = 'ASSISTANT')
        and (old.tenant_id, old.conversation_id, old.author, old.created_at, old.provider, old.model, old.feedback,
             old.low_confidence, old.handed_off, old.implicit_score)
            is distinct from
            (new.tenant_id, new.conversation_id, new.author, new.created_at, new.provider, new.model, new.feedback,
             new.low_confidence, new.handed_off, new.implicit_score))
    execute function chat.answer_days_mark_updated();
