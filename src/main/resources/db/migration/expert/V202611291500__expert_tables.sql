-- ENF-10: the expert pool (专家库), each expert's service record (专家履职记录档案) with its rating,
-- and the district's decisions on the annual evaluation (考核奖惩). The evaluation itself is computed
-- from the services, so only what the district decided is stored.
create table expert_expert (
  id                      uuid primary key,
  name                    varchar(50)   not null,
  user_id                 uuid unique,
  fields                  varchar(32)[] not null,
  title                   varchar(50),
  employer_name           varchar(200),
  employer_enterprise_id  uuid,
  phone                   varchar(30),
  status                  varchar(16)   not null check (status in ('ACTIVE', 'SUSPENDED', 'RETIRED')),
  created_at              timestamptz   not null,
  updated_at              timestamptz   not null,
  version                 integer       not null default 0
);
create index expert_expert_fields_idx on expert_expert using gin (fields);
create index expert_expert_employer_idx on expert_expert (employer_enterprise_id);

create table expert_qualification (
  id           uuid primary key,
  expert_id    uuid         not null references expert_expert (id) on delete cascade,
  kind         varchar(100) not null,
  number       varchar(100) not null,
  valid_until  date         not null
);
create index expert_qualification_expert_idx on expert_qualification (expert_id, valid_until);

create table expert_service (
  id               uuid primary key,
  expert_id        uuid          not null references expert_expert (id),
  kind             varchar(32)   not null check (kind in ('INSPECTION_ALONGSIDE', 'MAJOR_HAZARD_VERIFICATION', 'TECHNICAL_GUIDANCE',
                                                         'DOCUMENT_REVIEW', 'ACCIDENT_INVESTIGATION')),
  service_date     date          not null,
  enterprise_id    uuid,
  reference        varchar(100),
  hours            numeric(6, 1),
  summary          text,
  -- who may rate it besides the district: the inspectors who led the inspection or recorded the service
  rater_ids        uuid[]        not null default '{}',
  recorded_by      varchar(64)   not null,
  recorded_at      timestamptz   not null,
  quality          smallint check (quality between 1 and 5),
  professionalism  smallint check (professionalism between 1 and 5),
  timeliness       smallint check (timeliness between 1 and 5),
  rating_comment   varchar(500),
  rated_by         varchar(64),
  rated_by_id      uuid,
  rated_at         timestamptz,
  -- another module records the same service once (re-delivered events, repeated selection)
  unique (expert_id, kind, reference)
);
create index expert_service_expert_date_idx on expert_service (expert_id, service_date);

create table expert_suspension (
  id          uuid primary key,
  expert_id   uuid         not null references expert_expert (id),
  year        integer      not null,
  result      varchar(16)  not null,
  reason      varchar(500) not null,
  decided_by  varchar(64)  not null,
  decided_at  timestamptz  not null,
  unique (expert_id, year)
);
