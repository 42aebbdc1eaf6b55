-- What a reviewer needs to judge an answer: the visitor's reasons and comment with their rating, the passages the
-- search returned (with scores), whether the answer led to a handoff, and the implicit signals a background job
-- reads from what the visitor did next.
alter table chat.messages
    add column feedback_reasons text[]      not null default '{}',
    add column feedback_comment text,
    add column feedback_at      timestamptz,
    -- {"query": "...", "passages": [{"documentId", "label", "visibility", "score", "relevance", "bm25Rank",
    --  "denseRank"}]}: what the assistant searched with and found, best first
    add column retrieval        jsonb,
    add column handed_off       boolean     not null default false,
    -- {"continued", "rephrased", "askedForPerson", "leftQuickly", "thanked"}: booleans, set by the signals job
    add column implicit_signals jsonb,
    add column implicit_score   double precision,
    add constraint messages_feedback_reasons_check check (feedback_reasons <@ array['INCORRECT', 'INCOMPLETE',
        'NOT_WHAT_I_ASKED', 'TONE', 'OTHER']::text[]),
    add constraint messages_feedback_comment_length check (char_length(feedback_comment) <= 2000);

alter table chat.conversations
    -- the widget told us the visitor closed the chat (or left the page)
    add column visitor_left_at timestamptz,
    -- the implicit-signals job read the conversation up to this activity time
    add column signals_at      timestamptz;
