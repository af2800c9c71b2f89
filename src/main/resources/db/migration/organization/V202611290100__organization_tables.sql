-- ORG-1: the district as data. Ids are stable UUIDs derived from the codes at first load, so that
-- demo data and other modules can refer to them across restarts.
create table org_region (
  id          uuid primary key,
  code        varchar(12)  not null unique,
  name        varchar(100) not null,
  kind        varchar(16)  not null check (kind in ('DISTRICT', 'TOWN', 'PARK')),
  parent_id   uuid references org_region (id),
  latitude    double precision check (latitude between -90 and 90),
  longitude   double precision check (longitude between -180 and 180),
  sort_order  int not null default 0,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  check ((kind = 'DISTRICT') = (parent_id is null))
);
create index org_region_parent_idx on org_region (parent_id);

create table org_department (
  id          uuid primary key,
  code        varchar(32)  not null unique,
  name        varchar(100) not null,
  short_name  varchar(50)  not null,
  sectors     text[] not null default '{}',
  sort_order  int not null default 0,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);

create table org_special_office (
  id                  uuid primary key,
  code                varchar(32)  not null unique,
  name                varchar(100) not null,
  lead_department_id  uuid references org_department (id),
  sort_order          int not null default 0,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now()
);
