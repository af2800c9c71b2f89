-- ENT-7: the key supervised processes (重点监管危险化工工艺) each enterprise runs, with whether the
-- process is under automatic control and has a safety instrumented system. The process codes are
-- those of chemical/key-processes-2013.json. Town, park and sector are the enterprise's, copied for
-- ScopeConditions.
create table chemical_enterprise_process (
  id             uuid primary key,
  enterprise_id  uuid          not null,
  town_id        uuid,
  park_id        uuid,
  sector         varchar(32),
  process_code   varchar(40)   not null,
  plant          varchar(200),
  automated      boolean       not null,
  sis            boolean       not null,
  created_at     timestamptz   not null,
  updated_at     timestamptz   not null,
  unique (enterprise_id, process_code)
);
create index chemical_enterprise_process_code_idx on chemical_enterprise_process (process_code);

-- ENT-7: liquefied-hydrocarbon tank farms and oil and gas storage sites, their tanks, and the
-- 四个系统 checklist (gas detection, video, emergency shut-off, lightning warning). gaps counts the
-- systems that are absent or out of order, computed on every save.
create table chemical_storage_site (
  id                 uuid primary key,
  enterprise_id      uuid          not null,
  town_id            uuid,
  park_id            uuid,
  sector             varchar(32),
  name               varchar(200)  not null,
  kind               varchar(24)   not null check (kind in ('LIQUEFIED_HYDROCARBON', 'OIL', 'GAS')),
  unit_id            uuid references chemical_unit (id) on delete set null,
  gas_detection      varchar(16)   not null check (gas_detection in ('PRESENT', 'ABSENT', 'OUT_OF_ORDER')),
  video              varchar(16)   not null check (video in ('PRESENT', 'ABSENT', 'OUT_OF_ORDER')),
  emergency_shutoff  varchar(16)   not null check (emergency_shutoff in ('PRESENT', 'ABSENT', 'OUT_OF_ORDER')),
  lightning_warning  varchar(16)   not null check (lightning_warning in ('PRESENT', 'ABSENT', 'OUT_OF_ORDER')),
  gaps               smallint      not null check (gaps between 0 and 4),
  checked_on         date,
  created_at         timestamptz   not null,
  updated_at         timestamptz   not null
);
create index chemical_storage_site_enterprise_idx on chemical_storage_site (enterprise_id);
create index chemical_storage_site_gaps_idx on chemical_storage_site (gaps) where gaps > 0;

create table chemical_tank (
  id           uuid primary key,
  site_id      uuid           not null references chemical_storage_site (id) on delete cascade,
  position     integer        not null,
  name         varchar(100)   not null,
  medium       varchar(100)   not null,
  capacity_m3  numeric(12, 2) not null check (capacity_m3 > 0),
  pressure     varchar(12)    not null check (pressure in ('PRESSURE', 'ATMOSPHERIC')),
  unique (site_id, position)
);

-- A gap turned into a hazard of the enterprise (hazard module). Closed when the hazard is closed;
-- a gap may be turned into a hazard again only once the previous one is closed.
create table chemical_gap_hazard (
  id          uuid primary key,
  site_id     uuid          not null references chemical_storage_site (id) on delete cascade,
  system      varchar(24)   not null,
  hazard_id   uuid          not null,
  major       boolean       not null,
  closed_at   timestamptz,
  created_at  timestamptz   not null
);
create unique index chemical_gap_hazard_open_idx on chemical_gap_hazard (site_id, system) where closed_at is null;
create index chemical_gap_hazard_hazard_idx on chemical_gap_hazard (hazard_id);

-- CHM-2: oil and gas pipeline segments. The operator is an enterprise of the registry (enterprise_id)
-- or, for an operator outside it, a name. The line is a GeoJSON LineString (WGS 84, [lon, lat]).
-- town_id is the town the segment lies in; park and sector are the operator's.
create table chemical_pipeline (
  id               uuid primary key,
  enterprise_id    uuid,
  operator_name    varchar(200),
  town_id          uuid           not null,
  park_id          uuid,
  sector           varchar(32),
  name             varchar(200)   not null,
  medium           varchar(24)    not null check (medium in ('NATURAL_GAS', 'LPG', 'CRUDE_OIL', 'REFINED_OIL', 'OTHER')),
  pressure_class   varchar(12)    not null check (pressure_class in ('HIGH', 'SUB_HIGH', 'MEDIUM', 'LOW')),
  design_pressure  numeric(8, 3),
  diameter_mm      integer        not null check (diameter_mm > 0),
  length_km        numeric(10, 3) not null check (length_km > 0),
  geometry         jsonb          not null,
  created_at       timestamptz    not null,
  updated_at       timestamptz    not null,
  check (enterprise_id is not null or operator_name is not null)
);
create index chemical_pipeline_enterprise_idx on chemical_pipeline (enterprise_id);
create index chemical_pipeline_town_idx on chemical_pipeline (town_id);

-- A pipeline hazard (external: 占压, 第三方施工; body: 腐蚀, 泄漏). hazard_id is the hazard of the
-- operator enterprise in the hazard loop; null when the operator is not in the registry.
create table chemical_pipeline_hazard (
  id           uuid primary key,
  pipeline_id  uuid          not null references chemical_pipeline (id) on delete cascade,
  kind         varchar(32)   not null check (kind in ('OCCUPATION', 'THIRD_PARTY_CONSTRUCTION', 'CORROSION', 'LEAK')),
  place        varchar(200)  not null,
  description  varchar(500)  not null,
  grade        varchar(8)    not null check (grade in ('GENERAL', 'MAJOR')),
  found_on     date          not null,
  deadline     date          not null,
  hazard_id    uuid,
  closed_at    timestamptz,
  created_at   timestamptz   not null
);
create index chemical_pipeline_hazard_pipeline_idx on chemical_pipeline_hazard (pipeline_id);
create index chemical_pipeline_hazard_hazard_idx on chemical_pipeline_hazard (hazard_id);

-- CHM-2: units using gas or alcohol-based liquid fuel (燃气/醇基燃料使用单位), listed for supervision.
-- enterprise_id when the unit is in the registry; most are restaurants that are not.
create table chemical_fuel_user (
  id             uuid primary key,
  enterprise_id  uuid,
  town_id        uuid          not null,
  park_id        uuid,
  sector         varchar(32),
  name           varchar(200)  not null,
  address        varchar(300),
  fuel           varchar(24)   not null check (fuel in ('PIPED_GAS', 'LPG', 'ALCOHOL_FUEL')),
  usage          varchar(24)   not null check (usage in ('CATERING', 'INDUSTRIAL', 'OTHER')),
  gas_alarm      boolean       not null,
  last_checked   date,
  created_at     timestamptz   not null,
  updated_at     timestamptz   not null
);
create index chemical_fuel_user_town_idx on chemical_fuel_user (town_id);
