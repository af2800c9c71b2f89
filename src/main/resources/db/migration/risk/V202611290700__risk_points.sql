-- DP-1: risk points (风险点) and posts (岗位) with their 两单两卡. enterprise_name, town_id, park_id and
-- sector are copied from the enterprise when the record is written, so that scope filters and the
-- four-colour maps need no join across modules (and no foreign key into the enterprise module).

create table risk_post (
  id                  uuid primary key,
  enterprise_id       uuid         not null,
  enterprise_name     varchar(200) not null,
  town_id             uuid,
  park_id             uuid,
  sector              varchar(32)  not null,
  name                varchar(100) not null,
  workshop            varchar(100),
  duties              text[]       not null default '{}',
  operation_steps     text[]       not null default '{}',
  prohibitions        text[]       not null default '{}',
  emergency_measures  text[]       not null default '{}',
  emergency_contacts  text[]       not null default '{}',
  retired             boolean      not null default false,
  version             int          not null default 0,
  created_at          timestamptz  not null default now(),
  updated_at          timestamptz  not null default now()
);
create index risk_post_enterprise_idx on risk_post (enterprise_id);

create table risk_point (
  id                   uuid primary key,
  enterprise_id        uuid         not null,
  enterprise_name      varchar(200) not null,
  town_id              uuid,
  park_id              uuid,
  sector               varchar(32)  not null,
  unit_name            varchar(100) not null,
  name                 varchar(200) not null,
  kind                 varchar(16)  not null check (kind in ('PLACE', 'POST', 'ACTIVITY')),
  post_id              uuid references risk_post (id),
  hazardous_factors    text[]       not null,
  possible_accidents   text[]       not null default '{}',
  method               varchar(8)   not null check (method in ('LEC', 'LS')),
  lec_l                numeric(4, 1),
  lec_e                numeric(4, 1),
  lec_c                numeric(5, 1),
  ls_likelihood        int,
  ls_severity          int,
  score                numeric(10, 3) not null,
  level                varchar(16)  not null check (level in ('MAJOR', 'HIGH', 'GENERAL', 'LOW')),
  responsible_level    varchar(16)  not null check (responsible_level in ('COMPANY', 'WORKSHOP', 'TEAM', 'POST')),
  responsible_person   varchar(64)  not null,
  responsible_phone    varchar(32),
  retired              boolean      not null default false,
  retired_at           timestamptz,
  version              int          not null default 0,
  created_at           timestamptz  not null default now(),
  updated_at           timestamptz  not null default now(),
  -- the factors of the method used, and only those: the level is computed from them, never typed in
  check ((method = 'LEC' and lec_l is not null and lec_e is not null and lec_c is not null and ls_likelihood is null and ls_severity is null)
      or (method = 'LS' and ls_likelihood between 1 and 5 and ls_severity between 1 and 5 and lec_l is null))
);
create index risk_point_enterprise_idx on risk_point (enterprise_id) where not retired;
create index risk_point_town_idx on risk_point (town_id, level) where not retired;
create index risk_point_post_idx on risk_point (post_id);

create table risk_control_measure (
  risk_point_id  uuid         not null references risk_point (id) on delete cascade,
  sort_order     int          not null,
  type           varchar(16)  not null check (type in ('ENGINEERING', 'MANAGEMENT', 'TRAINING', 'PPE', 'EMERGENCY')),
  description    varchar(500) not null,
  primary key (risk_point_id, sort_order)
);
