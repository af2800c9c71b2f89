-- ORG-2: people and machines that sign in, with their roles and data scope.
create table identity_user_account (
  id                   uuid primary key,
  username             varchar(32)  not null,
  display_name         varchar(50)  not null,
  password_hash        varchar(255) not null,
  roles                text[]       not null check (cardinality(roles) > 0),
  scope_kind           varchar(16)  not null check (scope_kind in ('DISTRICT', 'REGION', 'DEPARTMENT', 'ENTERPRISE', 'AGENCY')),
  scope_id             uuid,
  phone                varchar(20),
  enforcement_cert_no  varchar(32),
  enabled              boolean      not null default true,
  failed_attempts      int          not null default 0,
  locked_until         timestamptz,
  password_changed_at  timestamptz  not null default now(),
  last_login_at        timestamptz,
  created_at           timestamptz  not null default now(),
  updated_at           timestamptz  not null default now(),
  check ((scope_kind = 'DISTRICT') = (scope_id is null))
);
create unique index identity_user_account_username_uk on identity_user_account (lower(username));
create index identity_user_account_roles_idx on identity_user_account using gin (roles);

-- Bearer tokens for machines (sensor gateways, the city platform). Only a hash is kept.
create table identity_api_token (
  id           uuid primary key,
  user_id      uuid         not null references identity_user_account (id),
  token_hash   char(64)     not null unique,
  created_at   timestamptz  not null,
  expires_at   timestamptz  not null,
  revoked_at   timestamptz,
  last_used_at timestamptz,
  client       varchar(100)
);
create index identity_api_token_user_idx on identity_api_token (user_id);

-- ORG-3: the append-only audit trail, chained with SM3. seq is assigned under an advisory lock as
-- last + 1, so a deleted row shows as a gap; hash covers every column but itself.
create table identity_audit_entry (
  seq             bigint       primary key,
  id              uuid         not null unique,
  occurred_at     timestamptz  not null,
  actor_id        uuid,
  actor           varchar(64)  not null,
  action          varchar(64)  not null,
  entity_type     varchar(64)  not null,
  entity_id       varchar(64),
  before_json     text,
  after_json      text,
  client_address  varchar(64),
  prev_hash       char(64)     not null,
  hash            char(64)     not null
);
create index identity_audit_entry_time_idx on identity_audit_entry (occurred_at);
create index identity_audit_entry_actor_idx on identity_audit_entry (actor);
create index identity_audit_entry_entity_idx on identity_audit_entry (entity_type, entity_id);

-- The chain's head, so that removing the newest entries is detected too.
create table identity_audit_head (
  id        int primary key check (id = 1),
  last_seq  bigint   not null,
  last_hash char(64) not null
);
