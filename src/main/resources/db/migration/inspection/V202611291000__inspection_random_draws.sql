-- ENF-2: declared conflicts of interest and the published random draws with their pool snapshots,
-- so that anyone can re-run a draw from what was published.
create table inspection_conflict (
  id             uuid primary key,
  inspector_id   uuid         not null,
  enterprise_id  uuid         not null,
  kind           varchar(32)  not null check (kind in ('FAMILY', 'FORMER_EMPLOYER', 'OTHER')),
  note           varchar(200),
  declared_at    timestamptz  not null,
  unique (inspector_id, enterprise_id)
);

create table inspection_random_draw (
  id                    uuid primary key,
  seed                  varchar(100) not null,
  algorithm             varchar(200) not null,
  pool_sector           varchar(32),
  pool_region_id        uuid,
  pool_class            varchar(8),
  pool_enterprise_ids   uuid[]       not null,
  inspector_ids         uuid[]       not null,
  per_enterprise        int          not null,
  draw_count            int          not null,
  title                 varchar(200) not null,
  created_by            varchar(64)  not null,
  created_at            timestamptz  not null,
  published             boolean      not null default true
);

create table inspection_draw_result (
  draw_id        uuid    not null references inspection_random_draw (id),
  position       int     not null,
  enterprise_id  uuid    not null,
  inspector_ids  uuid[]  not null,
  primary key (draw_id, position)
);
