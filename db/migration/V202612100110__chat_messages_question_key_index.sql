-- The analytics drill-down (one question's conversations, chat.ConversationFigures.askedIn): an index on the hash of
-- the answers' normalised question, so the lookup reads only that question's answers of the workspace within the
-- period (newest first) instead of normalising every answer of the period. The expression must stay exactly
-- ConversationFigures.QUESTION_KEY wrapped in md5 (the planner matches it textually); md5 keeps the index entries
-- small whatever the question's length (a b-tree entry over the text itself could exceed its size limit).
create index messages_question_key_idx on chat.messages
    (tenant_id, md5(btrim(regexp_replace(regexp_replace(lower(question), '[[:punct:]]+', ' ', 'g'), '[[:space:]]+', ' ', 'g'))),
     created_at)
    where author = 'ASSISTANT' and question is not null;
