-- ENF-3: inspections and their findings. A finding becomes a hazard through an event; its
-- resolution comes back the same way.
create table inspection_inspection (
  id             uuid primary key,
  enterprise_id  uuid         not null,
  town_id        uuid,
  park_id        uuid,
  sector         varchar(32)  not null,
  draw_id        uuid references inspection_random_draw (id),
  inspector_ids  uuid[]       not null,
  planned_on     date         not null,
  state          varchar(16)  not null check (state in ('PLANNED', 'ON_SITE', 'DONE')),
  started_at     timestamptz,
  finished_at    timestamptz,
  created_by     varchar(64)  not null,
  created_at     timestamptz  not null
);
create index inspection_enterprise_idx on inspection_inspection (enterprise_id);

create table inspection_finding (
  id              uuid primary key,
  inspection_id   uuid         not null references inspection_inspection (id),
  place           varchar(200) not null,
  description     text         not null,
  major           boolean      not null,
  criterion_code  varchar(32),
  legal_basis     varchar(500),
  deadline        date         not null,
  latitude        double precision,
  longitude       double precision,
  recorded_by     varchar(64)  not null,
  recorded_at     timestamptz  not null,
  resolved_at     timestamptz
);
create index inspection_finding_inspection_idx on inspection_finding (inspection_id);
