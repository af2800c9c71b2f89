-- ENT-7: each enterprise's production and storage units with their maximum inventories, and the
-- GB 18218-2018 outcome computed from them (s, r, alpha, grade, major) — never typed in. A major
-- unit is a 重大危险源 with its three 包保责任人. The enterprise's town, park and sector are copied so
-- that lists filter by ScopeConditions.
create table chemical_unit (
  id                  uuid primary key,
  enterprise_id       uuid          not null,
  town_id             uuid,
  park_id             uuid,
  sector              varchar(32),
  name                varchar(200)  not null,
  kind                varchar(16)   not null check (kind in ('PRODUCTION', 'STORAGE')),
  people_within_500m  integer       not null check (people_within_500m >= 0),
  principal_name      varchar(50),
  principal_phone     varchar(30),
  technical_name      varchar(50),
  technical_phone     varchar(30),
  operational_name    varchar(50),
  operational_phone   varchar(30),
  s                   numeric(24, 10) not null,
  r                   numeric(24, 10) not null,
  alpha               numeric(4, 2)   not null,
  grade               smallint check (grade between 1 and 4),
  major               boolean       not null,
  tables_version      varchar(40)   not null,
  created_at          timestamptz   not null,
  updated_at          timestamptz   not null
);
create index chemical_unit_enterprise_idx on chemical_unit (enterprise_id);
create index chemical_unit_major_idx on chemical_unit (major, grade);

create table chemical_inventory (
  id             uuid primary key,
  unit_id        uuid          not null references chemical_unit (id) on delete cascade,
  position       integer       not null,
  substance      varchar(200)  not null,
  cas            varchar(12),
  hazard_class   varchar(60),
  max_tonnes     numeric(14, 4) not null check (max_tonnes >= 0),
  critical_quantity numeric(14, 4) not null,
  beta           numeric(6, 2)  not null,
  unique (unit_id, position)
);
