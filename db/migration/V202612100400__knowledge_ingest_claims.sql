-- Ingestion in batches: one job claims many waiting versions of a workspace at once and embeds and indexes their
-- passages together. A claim is a lease: who holds it (the job's task instance) and until when. A job that dies
-- leaves its claims to expire; the sweep then queues the versions again. A retried job re-claims its own.
alter table knowledge.document_versions add column claimed_by text;
alter table knowledge.document_versions add column claimed_until timestamptz;

-- the versions still waiting or in progress, oldest first, per workspace (the claim query and the sweep)
create index document_versions_pending_idx on knowledge.document_versions (tenant_id, created_at)
    where status in ('QUEUED', 'PARSING', 'CHUNKING', 'EMBEDDING', 'INDEXING');
