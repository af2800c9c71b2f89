-- Enterprise registry (ENT-1, ENT-2). Region and department ids refer to the organization module by id only.
create table ent_enterprise (
  id                    uuid primary key,
  credit_code           varchar(18)  not null,
  name                  varchar(200) not null,
  legal_representative  varchar(50),
  address               varchar(300),
  phone                 varchar(30),
  latitude              double precision,
  longitude             double precision,
  town_id               uuid         not null,
  park_id               uuid,
  sector                varchar(20)  not null,
  sub_sector            varchar(30)  not null,
  scale                 varchar(20)  not null,
  employees             integer      not null default 0,
  status                varchar(30)  not null,
  flags                 text[]       not null default '{}',
  -- classification inputs fed by other modules (ENT-3); see package-info for the events
  standardization_grade varchar(10),
  accidents_3y          integer      not null default 0,
  open_major_hazards    integer      not null default 0,
  enforcement_count     integer      not null default 0,
  major_hazard_sources  integer      not null default 0,
  supervision_class     char(1),
  class_score           integer,
  classified_at         timestamptz,
  created_at            timestamptz  not null,
  updated_at            timestamptz  not null,
  constraint ent_enterprise_credit_code_uk unique (credit_code)
);
create index ent_enterprise_town_idx on ent_enterprise (town_id);
create index ent_enterprise_park_idx on ent_enterprise (park_id);
create index ent_enterprise_sector_idx on ent_enterprise (sector, sub_sector);
create index ent_enterprise_class_idx on ent_enterprise (supervision_class);
create index ent_enterprise_flags_idx on ent_enterprise using gin (flags);
create index ent_enterprise_name_idx on ent_enterprise (lower(name) text_pattern_ops);

-- Classification rule set (ENT-3): every save is a new version; the highest version is in force.
create table ent_rule_set (
  version     integer primary key,
  body        jsonb        not null,
  note        varchar(300),
  created_by  varchar(64),
  created_at  timestamptz  not null
);

-- Every classification that changed (or first set) an enterprise's class or score, with its reasons.
create table ent_classification (
  id                 uuid primary key,
  enterprise_id      uuid        not null references ent_enterprise (id) on delete cascade,
  supervision_class  char(1)     not null,
  score              integer     not null,
  inspections_per_year integer   not null,
  rule_set_version   integer     not null,
  fired_rules        jsonb       not null,
  trigger            varchar(20) not null,
  classified_at      timestamptz not null
);
create index ent_classification_enterprise_idx on ent_classification (enterprise_id, classified_at desc);

-- Licences (ENT-4): safety permit and liability insurance share one shape.
create table ent_licence (
  id             uuid primary key,
  enterprise_id  uuid         not null references ent_enterprise (id) on delete cascade,
  kind           varchar(20)  not null,
  number         varchar(100),
  scope          varchar(500),
  issuer         varchar(200),
  valid_from     date         not null,
  valid_to       date         not null,
  created_at     timestamptz  not null
);
create index ent_licence_enterprise_idx on ent_licence (enterprise_id);
create index ent_licence_valid_to_idx on ent_licence (valid_to);

-- Key persons (ENT-4): principal, safety managers, chief engineer, registered safety engineers.
create table ent_key_person (
  id              uuid primary key,
  enterprise_id   uuid        not null references ent_enterprise (id) on delete cascade,
  role            varchar(30) not null,
  name            varchar(50) not null,
  phone           varchar(30),
  certificate_no  varchar(100),
  appointed_on    date,
  assessed_on     date,
  created_at      timestamptz not null
);
create index ent_key_person_enterprise_idx on ent_key_person (enterprise_id);

-- Three responsible persons (ENT-5). One department or administrative person covers many enterprises.
create table ent_responsible_person (
  id         uuid primary key,
  kind       varchar(30)  not null,
  name       varchar(50)  not null,
  post       varchar(100),
  phone      varchar(30),
  town_id    uuid         not null,
  created_at timestamptz  not null
);
create table ent_responsible_assignment (
  person_id     uuid not null references ent_responsible_person (id) on delete cascade,
  enterprise_id uuid not null references ent_enterprise (id) on delete cascade,
  primary key (person_id, enterprise_id)
);
create index ent_responsible_assignment_enterprise_idx on ent_responsible_assignment (enterprise_id);
create table ent_responsible_check (
  id            uuid primary key,
  person_id     uuid         not null references ent_responsible_person (id) on delete cascade,
  enterprise_id uuid         not null references ent_enterprise (id) on delete cascade,
  checked_on    date         not null,
  place         varchar(200),
  findings      varchar(2000),
  created_at    timestamptz  not null
);
create index ent_responsible_check_person_idx on ent_responsible_check (person_id, checked_on);
create table ent_special_period (
  id         uuid primary key,
  name       varchar(100) not null,
  kind       varchar(30)  not null,
  starts_on  date         not null,
  ends_on    date         not null,
  created_at timestamptz  not null
);

-- Mines (ENT-6)
create table ent_mine (
  enterprise_id          uuid primary key references ent_enterprise (id) on delete cascade,
  mineral                varchar(30),
  permit_kind            varchar(20),
  output_mt_per_year     numeric(8,3),
  permit_term_years      integer,
  crusher_mechanized     boolean not null default false
);
create table ent_mine_slope (
  id                      uuid primary key,
  enterprise_id           uuid          not null references ent_enterprise (id) on delete cascade,
  kind                    varchar(10)   not null,
  name                    varchar(100)  not null,
  height_m                numeric(7,1)  not null,
  online_monitoring       boolean       not null default false,
  last_stability_analysis date
);
create index ent_mine_slope_enterprise_idx on ent_mine_slope (enterprise_id);
create table ent_mine_month (
  enterprise_id          uuid    not null references ent_enterprise (id) on delete cascade,
  month                  date    not null,
  controller_days        integer,
  chief_engineer_days    integer,
  principal_check_signed boolean not null default false,
  primary key (enterprise_id, month)
);

-- Fireworks retail outlets against the layout plan (ENT-8)
create table ent_outlet_plan (
  town_id uuid primary key,
  quota   integer not null,
  points  text[]  not null default '{}'
);
create table ent_fireworks_outlet (
  id              uuid primary key,
  enterprise_id   uuid references ent_enterprise (id) on delete set null,
  name            varchar(200) not null,
  town_id         uuid         not null,
  plan_point_code varchar(30),
  latitude        double precision,
  longitude       double precision,
  licence_no      varchar(100),
  licensed_on     date,
  licence_valid_to date,
  created_at      timestamptz  not null
);

-- Excel import jobs (ENT-1): progress for the htmx bar and the error sheet for download.
create table ent_import_job (
  id          uuid primary key,
  status      varchar(20)  not null,
  file_name   varchar(300),
  total       integer      not null default 0,
  processed   integer      not null default 0,
  created     integer      not null default 0,
  updated     integer      not null default 0,
  failed      integer      not null default 0,
  error_sheet bytea,
  message     varchar(500),
  created_by  varchar(64),
  created_at  timestamptz  not null,
  finished_at timestamptz
);
