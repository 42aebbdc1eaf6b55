-- Global user accounts. Users are not tenant-owned: one person may belong to several workspaces
-- (tenants.memberships links them).
create schema if not exists identity;

create table identity.users (
    id            uuid        primary key,
    email         text        not null,
    display_name  text        not null,
    -- null for accounts that only ever signed in through an OAuth2/OIDC provider
    password_hash text,
    created_at    timestamptz not null default now(),
    last_login_at timestamptz,
    constraint users_email_lowercase check (email = lower(email)),
    constraint users_email_uk unique (email)
);

-- Links an external identity (OIDC issuer/registration + subject) to a local user.
create table identity.user_identities (
    provider   text        not null,
    subject    text        not null,
    user_id    uuid        not null references identity.users (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (provider, subject)
);
create index user_identities_user_idx on identity.user_identities (user_id);
