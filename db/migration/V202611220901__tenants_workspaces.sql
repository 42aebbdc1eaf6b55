-- Workspaces (tenants) and everything an admin configures during onboarding.
-- Every table but tenants.workspaces itself carries tenant_id and leads its keys and indexes with it.
create schema if not exists tenants;

create table tenants.workspaces (
    id                      uuid        primary key,
    slug                    text        not null,
    name                    text        not null,
    sector                  text        not null,
    created_at              timestamptz not null default now(),
    onboarding_completed_at timestamptz,
    constraint workspaces_slug_uk unique (slug),
    constraint workspaces_slug_format check (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$')
);

create table tenants.memberships (
    tenant_id  uuid        not null references tenants.workspaces (id) on delete cascade,
    user_id    uuid        not null references identity.users (id) on delete cascade,
    role       text        not null check (role in ('OWNER', 'ADMIN', 'AGENT', 'VIEWER')),
    created_at timestamptz not null default now(),
    primary key (tenant_id, user_id)
);
create index memberships_user_idx on tenants.memberships (user_id);

create table tenants.personas (
    tenant_id           uuid        primary key references tenants.workspaces (id) on delete cascade,
    assistant_name      text        not null,
    tone                text        not null check (tone in ('FRIENDLY', 'FORMAL', 'CONCISE', 'CUSTOM')),
    custom_instructions text,
    greeting            text        not null,
    fallback_message    text        not null,
    language            text        not null,
    updated_at          timestamptz not null default now()
);

create table tenants.brandings (
    tenant_id         uuid        primary key references tenants.workspaces (id) on delete cascade,
    primary_color     text        not null check (primary_color ~ '^#[0-9a-f]{6}$'),
    widget_position   text        not null check (widget_position in ('BOTTOM_RIGHT', 'BOTTOM_LEFT')),
    logo              bytea,
    logo_content_type text,
    logo_sha256       text,
    updated_at        timestamptz not null default now(),
    constraint brandings_logo_size check (logo is null or octet_length(logo) <= 1048576)
);

create table tenants.widget_settings (
    tenant_id  uuid        primary key references tenants.workspaces (id) on delete cascade,
    -- public by design: it sits in the embed snippet on the tenant's website
    public_key text        not null,
    updated_at timestamptz not null default now(),
    constraint widget_settings_key_uk unique (public_key)
);

create table tenants.allowed_origins (
    tenant_id  uuid        not null references tenants.workspaces (id) on delete cascade,
    origin     text        not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, origin)
);

create table tenants.invitations (
    id          uuid        primary key,
    tenant_id   uuid        not null references tenants.workspaces (id) on delete cascade,
    email       text        not null check (email = lower(email)),
    role        text        not null check (role in ('OWNER', 'ADMIN', 'AGENT', 'VIEWER')),
    -- SHA-256 of the token in the link; the token itself is never stored
    token_hash  text        not null,
    invited_by  uuid        references identity.users (id) on delete set null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    accepted_at timestamptz,
    accepted_by uuid        references identity.users (id) on delete set null,
    revoked_at  timestamptz,
    constraint invitations_token_uk unique (token_hash)
);
create index invitations_tenant_idx on tenants.invitations (tenant_id, created_at desc);
