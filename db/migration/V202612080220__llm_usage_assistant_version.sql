-- The assistant version each model call answered for (null for the playground's draft, connection tests and calls
-- from before versions existed), so calls, tokens, cost and latency can be compared per version.
alter table llm.usage_records add column assistant_version integer;
create index usage_records_tenant_version_time_idx on llm.usage_records (tenant_id, assistant_version, occurred_at);
