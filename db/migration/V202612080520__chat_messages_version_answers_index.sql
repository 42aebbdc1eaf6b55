-- Comparing assistant versions (rollouts: the guard every minute, the dashboard) reads each version's widget answers
-- of a span with what it counts, from the index alone (see BENCHMARKS.md, "Rollout guard and dashboard queries").
create index messages_version_answers_idx on chat.messages (tenant_id, assistant_version, created_at)
    include (conversation_id, id, feedback, low_confidence, handed_off, implicit_score)
    where author = 'ASSISTANT' and assistant_version is not null;
