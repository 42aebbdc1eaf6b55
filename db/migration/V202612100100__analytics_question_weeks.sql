-- The analytics page's weekly question roll-up (com.frontline.analytics): analytics.question_days added up per ISO
-- week (the Monday that starts it), channel and normalised wording. A 90-day period reads its whole weeks from here
-- and only its edge days (and the days of a week that has a changed day) from the daily rows: about a quarter as
-- many rows to add up (see BENCHMARKS.md, "Analytics page").
--
-- Kept by the same job in the same transaction as the daily rows (analytics.AnalyticsRollupRepository.recompute):
-- a week's rows are always the sum of that week's rows in analytics.question_days, whatever days of it are rolled up
-- so far. The page reads a week from here only when all seven of its days are rolled up and none is marked changed.
create table analytics.question_weeks (
    tenant_id    uuid not null references tenants.workspaces (id) on delete cascade,
    -- the Monday of the ISO week
    week         date not null check (extract(isodow from week) = 1),
    channel      text not null,
    question_key text not null,
    -- the first wording of the week's days in alphabetical order (the least of theirs)
    question     text not null,
    asked        int  not null,
    unanswered   int  not null,
    fallbacks    int  not null,
    unhelpful    int  not null,
    handoffs     int  not null,
    primary key (tenant_id, week, channel, question_key)
);

insert into analytics.question_weeks (tenant_id, week, channel, question_key, question, asked, unanswered, fallbacks,
                                      unhelpful, handoffs)
select tenant_id, date_trunc('week', day)::date, channel, question_key, min(question), sum(asked), sum(unanswered),
       sum(fallbacks), sum(unhelpful), sum(handoffs)
  from analytics.question_days
 group by 1, 2, 3, 4;
