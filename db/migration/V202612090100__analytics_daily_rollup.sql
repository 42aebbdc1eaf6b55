-- The analytics page's daily roll-up (com.frontline.analytics): what the conversations of a workspace came to, per
-- UTC day and channel, kept by a db-scheduler job (analytics.AnalyticsRollupJob) the way chat.answer_days is kept for
-- the feedback review cards. The answers' figures (answers, ratings, fallbacks, implicit scores) are NOT repeated here:
-- the page reads them from chat.answer_days through the chat module's API. Evaluation runs are left out.
--
-- Aggregates outlive the transcripts: once a day is rolled up, the page reads it from these rows only, and deleting
-- chat rows (retention, erasure of one customer) never marks a day as changed (see the triggers below), so a
-- retention job can delete old conversations without rewriting history. Counts here are anonymous (no text but the
-- question wording in analytics.question_days, which erasure of a customer may leave: it is a count per wording).
create schema if not exists analytics;

-- Conversation figures by the UTC day the conversation started (customer messages by the day they were sent).
create table analytics.conversation_days (
    tenant_id         uuid  not null references tenants.workspaces (id) on delete cascade,
    day               date  not null,
    channel           text  not null,
    -- conversations started that day
    conversations     int   not null,
    -- customer messages sent that day
    customer_messages int   not null,
    -- of the conversations, those that ended (resolved, the visitor left, or idle 30 minutes) with at least one
    -- answer, without a handoff and without a message from a person: resolved without a person
    deflected         int   not null,
    -- of the conversations, those handed to a person
    handoffs          int   not null,
    -- of the handoffs, those a person replied to after the handoff
    responded         int   not null,
    -- the time from handoff to a person's first reply, as a histogram: the count per bucket whose upper bounds are
    -- analytics.ResponseTimes.BOUNDS_SECONDS (30 s, 1, 2, 5, 10, 15, 30 min, 1, 2, 4, 8, 24 h, and beyond). Buckets
    -- add up across days and channels, so the median of any period is read from them (within its bucket, linearly)
    response_buckets  int[] not null,
    primary key (tenant_id, day, channel)
);

-- The questions asked (the question each assistant answer replied to), grouped by their normalised wording
-- (lower case, punctuation and repeated white space removed), per UTC day and channel.
create table analytics.question_days (
    tenant_id    uuid not null references tenants.workspaces (id) on delete cascade,
    day          date not null,
    channel      text not null,
    question_key text not null,
    -- one wording as typed (the first in alphabetical order), to show
    question     text not null,
    asked        int  not null,
    -- of which the assistant fell back (low confidence), was rated 👎, or handed off: unanswered
    unanswered   int  not null,
    fallbacks    int  not null,
    unhelpful    int  not null,
    handoffs     int  not null,
    primary key (tenant_id, day, channel, question_key)
);
create index question_days_tenant_day_idx on analytics.question_days (tenant_id, day);

-- Every UTC day up to and including complete_through is rolled up (days after it are read live).
create table analytics.rollup_state (
    tenant_id        uuid not null primary key references tenants.workspaces (id) on delete cascade,
    complete_through date not null
);

-- Past days whose conversations changed since they were rolled up (a late message, a handoff, a rating, a
-- conversation stored with a past time): read live until the job rolls them up again. version grows with every
-- change, so the job removes a mark only if nothing changed the day while it was recomputing it.
create table analytics.rollup_stale (
    tenant_id uuid   not null references tenants.workspaces (id) on delete cascade,
    day       date   not null,
    version   bigint not null default 1,
    primary key (tenant_id, day)
);

-- The live reads of today (and of days not rolled up yet) by start time and by message time: chat tables, indexed
-- here for the analytics reads (the chat module's ConversationFigures issues them).
create index conversations_tenant_created_idx on chat.conversations (tenant_id, created_at)
    include (id, channel, status, handoff_at, visitor_left_at, updated_at);
create index messages_customer_time_idx on chat.messages (tenant_id, created_at)
    include (conversation_id)
    where author = 'CUSTOMER';

-- "Past" is before today (UTC) by the database's clock; today is always read live.
--
-- DELETES NEVER MARK A DAY (no delete trigger, on purpose): the roll-up keeps what happened. A retention job that
-- deletes old transcripts (com.frontline.privacy) therefore leaves the rolled-up days as they were. A day that was
-- not rolled up yet when its transcripts were deleted is counted from what is left (the job rolls up days within
-- minutes of their end, so this concerns only retention shorter than a day).
create function analytics.mark_days(tenant uuid, days date[]) returns void
    language sql as
$$
    insert into analytics.rollup_stale (tenant_id, day)
    select tenant, d
      from (select distinct unnest(days) as d) x
     where d is not null
       and d < (clock_timestamp() at time zone 'UTC')::date
     order by 1, 2
    on conflict (tenant_id, day) do update set version = analytics.rollup_stale.version + 1;
$$;

-- A message counts on its own day (customer messages, questions) and on its conversation's start day (deflection,
-- handoff replies): inserting one marks both when they are past.
create function analytics.messages_inserted() returns trigger
    language plpgsql as
$$
begin
    insert into analytics.rollup_stale (tenant_id, day)
    select distinct x.tenant_id, x.day
      from (select m.tenant_id, (m.created_at at time zone 'UTC')::date as day
              from changed m
            union all
            select c.tenant_id, (c.created_at at time zone 'UTC')::date
              from changed m
              join chat.conversations c on c.tenant_id = m.tenant_id and c.id = m.conversation_id) x
     where x.day < (clock_timestamp() at time zone 'UTC')::date
     order by 1, 2
    on conflict (tenant_id, day) do update set version = analytics.rollup_stale.version + 1;
    return null;
end
$$;

create function analytics.messages_updated() returns trigger
    language plpgsql as
$$
begin
    perform analytics.mark_days(old.tenant_id, array[(old.created_at at time zone 'UTC')::date,
        (select (c.created_at at time zone 'UTC')::date from chat.conversations c
          where c.tenant_id = old.tenant_id and c.id = old.conversation_id)]);
    if new.tenant_id is distinct from old.tenant_id or new.created_at is distinct from old.created_at
            or new.conversation_id is distinct from old.conversation_id then
        perform analytics.mark_days(new.tenant_id, array[(new.created_at at time zone 'UTC')::date,
            (select (c.created_at at time zone 'UTC')::date from chat.conversations c
              where c.tenant_id = new.tenant_id and c.id = new.conversation_id)]);
    end if;
    return null;
end
$$;

create function analytics.conversations_inserted() returns trigger
    language plpgsql as
$$
begin
    insert into analytics.rollup_stale (tenant_id, day)
    select distinct c.tenant_id, (c.created_at at time zone 'UTC')::date
      from changed c
     where (c.created_at at time zone 'UTC')::date < (clock_timestamp() at time zone 'UTC')::date
     order by 1, 2
    on conflict (tenant_id, day) do update set version = analytics.rollup_stale.version + 1;
    return null;
end
$$;

create function analytics.conversations_updated() returns trigger
    language plpgsql as
$$
begin
    perform analytics.mark_days(old.tenant_id, array[(old.created_at at time zone 'UTC')::date]);
    if new.tenant_id is distinct from old.tenant_id or new.created_at is distinct from old.created_at then
        perform analytics.mark_days(new.tenant_id, array[(new.created_at at time zone 'UTC')::date]);
    end if;
    return null;
end
$$;

create trigger analytics_days_inserted
    after insert on chat.messages
    referencing new table as changed
    for each statement execute function analytics.messages_inserted();

-- Only a change to what the roll-up counts (or to where it is counted) marks a day; the body (anonymised by
-- retention, say) does not.
create trigger analytics_days_updated
    after update of tenant_id, conversation_id, author, created_at, question, model, feedback, low_confidence,
        handed_off on chat.messages
    for each row
    when ((old.tenant_id, old.conversation_id, old.author, old.created_at, old.question, old.model, old.feedback,
           old.low_confidence, old.handed_off)
          is distinct from
          (new.tenant_id, new.conversation_id, new.author, new.created_at, new.question, new.model, new.feedback,
           new.low_confidence, new.handed_off))
    execute function analytics.messages_updated();

create trigger analytics_conversations_inserted
    after insert on chat.conversations
    referencing new table as changed
    for each statement execute function analytics.conversations_inserted();

create trigger analytics_conversations_updated
    after update of tenant_id, created_at, channel, status, handoff_at, visitor_left_at on chat.conversations
    for each row
    when ((old.tenant_id, old.created_at, old.channel, old.status, old.handoff_at, old.visitor_left_at)
          is distinct from
          (new.tenant_id, new.created_at, new.channel, new.status, new.handoff_at, new.visitor_left_at))
    execute function analytics.conversations_updated();
