-- Customer accounts and their KPIs, imported from spreadsheets. An upload is only validated and held (pending) until
-- the admin confirms it; confirming stores its valid rows as a new data version, all in one transaction.
create schema if not exists accounts;

-- A tenant's own column layout (e.g. a Salesforce export), saved from the column-mapping step and detected next time.
create table accounts.import_formats (
    tenant_id  uuid        not null references tenants.workspaces (id) on delete cascade,
    id         uuid        not null,
    name       text        not null,
    columns    jsonb       not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    constraint import_formats_name_uk unique (tenant_id, name)
);

create table accounts.uploads (
    tenant_id    uuid        not null references tenants.workspaces (id) on delete cascade,
    id           uuid        not null,
    filename     text        not null,
    size_bytes   bigint      not null,
    file         bytea       not null,
    status       text        not null check (status in ('PENDING', 'CONFIRMED', 'DISCARDED')),
    format       text,
    accepted     int,
    rejected     int,
    created_by   uuid,
    created_at   timestamptz not null default now(),
    confirmed_at timestamptz,
    primary key (tenant_id, id)
);
create index uploads_tenant_created_idx on accounts.uploads (tenant_id, created_at desc);

create table accounts.data_versions (
    tenant_id  uuid        not null references tenants.workspaces (id) on delete cascade,
    version    int         not null,
    upload_id  uuid        not null,
    accounts   int         not null,
    kpis       int         not null,
    created_by uuid,
    created_at timestamptz not null default now(),
    primary key (tenant_id, version),
    foreign key (tenant_id, upload_id) references accounts.uploads (tenant_id, id)
);

create table accounts.customer_accounts (
    tenant_id    uuid        not null references tenants.workspaces (id) on delete cascade,
    id           uuid        not null,
    name         text        not null,
    -- normalised name: an account is matched across uploads by it
    name_key     text        not null,
    attributes   jsonb       not null default '{}',
    data_version int         not null,
    updated_at   timestamptz not null default now(),
    primary key (tenant_id, id),
    constraint customer_accounts_name_uk unique (tenant_id, name_key)
);

create table accounts.kpi_values (
    tenant_id        uuid    not null,
    account_id       uuid    not null,
    data_version     int     not null,
    kpi_name         text    not null,
    value            numeric not null,
    percentage       boolean not null,
    category         text,
    weight           numeric,
    impact_level     text check (impact_level in ('HIGH', 'MEDIUM', 'LOW')),
    health_component text,
    observed_on      date,
    foreign key (tenant_id, account_id) references accounts.customer_accounts (tenant_id, id) on delete cascade
);
create index kpi_values_tenant_account_idx on accounts.kpi_values (tenant_id, account_id, data_version, kpi_name);
