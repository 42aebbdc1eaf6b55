-- The assistant version that wrote each answer (null for the playground's draft answers and for answers from before
-- versions existed), so quality can be compared per version.
alter table chat.messages add column assistant_version integer;
create index messages_tenant_version_time_idx on chat.messages (tenant_id, assistant_version, created_at);
