-- The implicit-signals job looks, across workspaces, for conversations with activity after their signals were last
-- read, oldest first: only those rows are in this index, so the look-up stays small however many are done.
create index conversations_signals_due_idx on chat.conversations (updated_at)
    where signals_at is null or updated_at > signals_at;
