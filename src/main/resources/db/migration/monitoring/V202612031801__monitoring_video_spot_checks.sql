-- MON-5 video spot checks (视频巡查抽查): a supervisor looks at an enterprise's camera and records when, what was seen and
-- which problem was found. The enterprise's scope columns are copied for ScopeConditions.
create table monitoring_spot_check (
  id               uuid primary key,
  enterprise_id    uuid          not null,
  town_id          uuid,
  park_id          uuid,
  sector           varchar(32),
  camera_ref       varchar(100)  not null,
  checked_at       timestamptz   not null,
  result           varchar(16)   not null check (result in ('NORMAL', 'PROBLEM', 'UNAVAILABLE')),
  problems         varchar(1000),
  checker          varchar(50)   not null,
  recorded_by      uuid,
  recorded_at      timestamptz   not null,
  check (result <> 'PROBLEM' or problems is not null)
);
create index monitoring_spot_check_enterprise on monitoring_spot_check (enterprise_id, checked_at desc);
