-- The feedback review page (chat.FeedbackReviewRepository) at 100,000 judged answers in a workspace (see
-- BENCHMARKS.md, "Feedback review page"). Judged answers (a rating or an implicit score) newest first, for the list
-- and its keyset paging by (created_at, id); the partial predicate is the one the page's query repeats.
create index messages_judged_idx on chat.messages (tenant_id, created_at desc, id desc)
    where author = 'ASSISTANT' and (feedback is not null or implicit_score is not null);

-- Every answer of a period with what the cards count, read from the index alone.
create index messages_answers_idx on chat.messages (tenant_id, created_at)
    include (conversation_id, feedback, low_confidence, handed_off, implicit_score, provider, model)
    where author = 'ASSISTANT';

-- The conversation's channel without a visit to the table (the page and the cards leave evaluation runs out).
create index conversations_channel_idx on chat.conversations (tenant_id, id) include (channel);

-- Text search over the question and the answer (ILIKE '%words%'): trigram indexes, led by the workspace
-- (btree_gin). Both extensions are trusted: a database owner may create them without being a superuser.
create extension if not exists pg_trgm;
create extension if not exists btree_gin;
create index messages_judged_question_trgm_idx on chat.messages using gin (tenant_id, question gin_trgm_ops)
    where author = 'ASSISTANT' and (feedback is not null or implicit_score is not null);
create index messages_judged_body_trgm_idx on chat.messages using gin (tenant_id, body gin_trgm_ops)
    where author = 'ASSISTANT' and (feedback is not null or implicit_score is not null);

-- The cards leave a workspace's evaluation conversations out by id (a short list).
create index conversations_evaluation_idx on chat.conversations (tenant_id, id) where channel = 'EVALUATION';

-- The provider/model choices of the filter, from the index alone.
create index messages_judged_models_idx on chat.messages (tenant_id, provider, model)
    where author = 'ASSISTANT' and (feedback is not null or implicit_score is not null);
