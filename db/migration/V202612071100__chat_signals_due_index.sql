-- The implicit-signals job looks for conversations with activity after their signals were last read: only those
-- rows are in this index, so the look-up reads a small index however many conversations are done. It leads with
-- tenant_id like every index here (the job's one cross-workspace read scans it whole, which stays small).
create index conversations_signals_due_idx on chat.conversations (tenant_id, updated_at)
    where signals_at is null or updated_at > signals_at;
