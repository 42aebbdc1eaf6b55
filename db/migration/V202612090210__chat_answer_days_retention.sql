-- Retention and erasure delete old transcripts, but the daily roll-up (chat.answer_days) keeps past figures: a
-- delete made with the session setting frontline.retention = 'on' (set local, by privacy) marks no day stale, so
-- the roll-up job never recomputes those days from what is left. Replaces the function of
-- V202612080100__chat_answer_days_rollup.sql; other roll-ups (analytics' daily rows) honour the same setting.
create or replace function chat.answer_days_mark_deleted() returns trigger
    language plpgsql as
$$
begin
    if coalesce(current_setting('frontline.retention', true), '') = 'on' then
        return null;
    end if;
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
