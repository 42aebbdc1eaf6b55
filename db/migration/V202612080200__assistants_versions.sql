-- Assistant versions: each workspace's published configurations (what decides an answer: persona and prompt,
-- routing rules, providers and their model per route, retrieval settings, confidence threshold) as immutable jsonb
-- snapshots, numbered 1, 2, 3 … per workspace, and the version the website widget answers with ("live").
-- The draft is not stored here: it is what the settings pages save in their own modules' tables.
create schema if not exists assistants;

create table assistants.versions (
    tenant_id     uuid        not null references tenants.workspaces (id) on delete cascade,
    number        integer     not null check (number >= 1),
    -- com.frontline.assistants.AssistantConfig as JSON
    config        jsonb       not null,
    status        text        not null default 'PUBLISHED' check (status in ('PUBLISHED')),
    -- who published it (an e-mail address, or 'Frontline' for the first version made from the settings in force)
    created_by    text        not null,
    created_by_id uuid,
    created_at    timestamptz not null default now(),
    note          text        check (char_length(note) <= 500),
    -- the earlier version this one copies ("Restore as new version"), if any
    restored_from integer,
    primary key (tenant_id, number),
    foreign key (tenant_id, restored_from) references assistants.versions (tenant_id, number)
);

-- A published version never changes: experiments, usage records and answers refer to it by number.
create function assistants.refuse_published_version_change() returns trigger
    language plpgsql as
$$
begin
    if old.status = 'PUBLISHED' and (new.config is distinct from old.config
        or new.number is distinct from old.number
        or new.tenant_id is distinct from old.tenant_id
        or new.restored_from is distinct from old.restored_from
        or new.created_at is distinct from old.created_at
        or new.created_by is distinct from old.created_by) then
        raise exception 'assistant version % of workspace % is published and cannot be changed', old.number,
            old.tenant_id using errcode = 'check_violation';
    end if;
    return new;
end;
$$;

create trigger versions_immutable_when_published
    before update on assistants.versions
    for each row execute function assistants.refuse_published_version_change();

-- The version the website widget answers with (unless an experiment assigns a visitor another one).
create table assistants.live (
    tenant_id     uuid        not null primary key references tenants.workspaces (id) on delete cascade,
    version       integer     not null,
    changed_at    timestamptz not null default now(),
    changed_by    text        not null,
    changed_by_id uuid,
    reason        text        check (char_length(reason) <= 500),
    foreign key (tenant_id, version) references assistants.versions (tenant_id, number)
);

-- Every change of the live version: who or what changed it, when and why.
create table assistants.live_changes (
    tenant_id     uuid        not null references tenants.workspaces (id) on delete cascade,
    id            bigint      generated always as identity,
    from_version  integer,
    to_version    integer     not null,
    changed_at    timestamptz not null default now(),
    changed_by    text        not null,
    changed_by_id uuid,
    reason        text        check (char_length(reason) <= 500),
    primary key (tenant_id, id),
    foreign key (tenant_id, to_version) references assistants.versions (tenant_id, number)
);
create index live_changes_tenant_time_idx on assistants.live_changes (tenant_id, changed_at desc);

-- Every existing workspace's configuration in force becomes its version 1, live. A one-off read of the owning
-- modules' tables (the application code reads them only through those modules); a workspace without a row in one of
-- them used that module's defaults, which are spelled out here as they are in the code today (LlmSettings.DEFAULTS,
-- RetrievalSettings.defaults(), ChatSettings.DEFAULT_THRESHOLD). The JSON has exactly the shape of AssistantConfig.
insert into assistants.versions (tenant_id, number, config, created_by, note)
select w.id,
       1,
       jsonb_build_object(
               'routing', jsonb_build_object(
                       'enabled', coalesce(s.routing_enabled, true),
                       'simpleMaxScore', coalesce(s.simple_max_score, 30),
                       'complexMinScore', coalesce(s.complex_min_score, 65),
                       'longContextChars', coalesce(s.long_context_chars, 12000)),
               'providers', coalesce((select jsonb_agg(jsonb_build_object(
                                                               'id', p.id,
                                                               'kind', p.kind,
                                                               'label', p.label,
                                                               'defaultModel', p.default_model,
                                                               'cheapModel', p.cheap_model,
                                                               'strongModel', p.strong_model,
                                                               'longContextModel', p.long_context_model,
                                                               'handoffTool', p.supports_tools)
                                                       order by p.priority, p.created_at)
                                      from llm.providers p
                                      where p.tenant_id = w.id and p.enabled), '[]'::jsonb),
               'prompt', jsonb_build_object(
                       'assistantName', pe.assistant_name,
                       'tone', pe.tone,
                       'customInstructions', pe.custom_instructions,
                       'greeting', pe.greeting,
                       'fallbackMessage', pe.fallback_message,
                       'language', pe.language),
               'retrieval', jsonb_build_object(
                       'fusion', coalesce(r.fusion, 'WEIGHTED'),
                       'bm25Weight', coalesce(r.bm25_weight, 0.4::double precision),
                       'topK', coalesce(r.top_k, 5),
                       'candidates', coalesce(r.candidates, 50),
                       'minScore', coalesce(r.min_score, 0.0::double precision)),
               'confidenceThreshold', coalesce(c.confidence_threshold, 0.5::double precision)),
       'Frontline',
       'The configuration in force when versions were introduced'
from tenants.workspaces w
         join tenants.personas pe on pe.tenant_id = w.id
         left join llm.settings s on s.tenant_id = w.id
         left join search.retrieval_settings r on r.tenant_id = w.id
         left join chat.chat_settings c on c.tenant_id = w.id;

insert into assistants.live (tenant_id, version, changed_by, reason)
select tenant_id, 1, 'Frontline', 'Version 1: the configuration in force when versions were introduced'
from assistants.versions;

insert into assistants.live_changes (tenant_id, from_version, to_version, changed_by, reason)
select tenant_id, null, 1, 'Frontline', 'Version 1: the configuration in force when versions were introduced'
from assistants.versions;
