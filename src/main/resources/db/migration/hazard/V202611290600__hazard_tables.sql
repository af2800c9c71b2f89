-- DP-3, DP-4: hazards and their closed loop. town_id, park_id and sector are copied from the
-- enterprise when the hazard is found, so that scope filters and dashboards need no join across modules.
create table hazard_hazard (
  id                      uuid primary key,
  enterprise_id           uuid         not null,
  enterprise_name         varchar(200) not null,
  town_id                 uuid,
  park_id                 uuid,
  sector                  varchar(32)  not null,
  place                   varchar(200) not null,
  description             text         not null,
  category                varchar(64),
  grade                   varchar(16)  not null check (grade in ('GENERAL', 'MAJOR')),
  source                  varchar(32)  not null,
  source_ref              varchar(100),
  criterion_code          varchar(64),
  self_reported           boolean      not null default false,
  unreported              boolean      not null default false,
  finder_id               uuid,
  finder_name             varchar(64)  not null,
  latitude                double precision,
  longitude               double precision,
  found_at                timestamptz  not null,
  deadline                timestamptz  not null,
  state                   varchar(16)  not null,
  plan                    text,
  fa_responsible_person   varchar(64),
  fa_measures             text,
  fa_funds                numeric(14, 2),
  fa_deadline             date,
  fa_contingency_plan     text,
  dual_regulator_on       date,
  dual_workforce_on       date,
  rectified_by            uuid,
  rectified_at            timestamptz,
  verified_by             uuid,
  verified_at             timestamptz,
  closed_at               timestamptz,
  supervision_level       varchar(16),
  supervision_supervisor  varchar(100),
  supervision_deadline    date,
  rejections              int          not null default 0,
  version                 int          not null default 0,
  created_at              timestamptz  not null default now(),
  updated_at              timestamptz  not null default now(),
  check (deadline >= found_at)
);
-- a finding, report or alarm becomes at most one hazard, however often its event is delivered
create unique index hazard_source_ref_uk on hazard_hazard (source, source_ref) where source_ref is not null;
create index hazard_enterprise_idx on hazard_hazard (enterprise_id);
create index hazard_town_idx on hazard_hazard (town_id, state);
create index hazard_state_deadline_idx on hazard_hazard (state, deadline);

create table hazard_step (
  id          bigserial primary key,
  hazard_id   uuid        not null references hazard_hazard (id),
  action      varchar(32) not null,
  from_state  varchar(16),
  to_state    varchar(16) not null,
  actor_id    uuid,
  actor_name  varchar(64) not null,
  at          timestamptz not null,
  note        text
);
create index hazard_step_hazard_idx on hazard_step (hazard_id, id);

create table hazard_photo (
  id            uuid primary key,
  hazard_id     uuid         not null references hazard_hazard (id),
  stage         varchar(16)  not null check (stage in ('FOUND', 'RECTIFIED')),
  content_type  varchar(32)  not null,
  size_bytes    int          not null,
  data          bytea        not null,
  uploaded_by   varchar(64)  not null,
  uploaded_at   timestamptz  not null
);
create index hazard_photo_hazard_idx on hazard_photo (hazard_id);
