-- MON-1/MON-2: sensors of major hazard sources, tanks, pipelines and mine slopes; their readings,
-- partitioned by month; alarms with at most ONE open alarm per sensor and condition, enforced here
-- by a partial unique index rather than by luck (the duplicate-alarm bug ThingsBoard users report).
create table monitoring_sensor (
  id                 uuid primary key,
  enterprise_id      uuid          not null,
  town_id            uuid,
  park_id            uuid,
  sector             varchar(32),
  code               varchar(64)   not null,
  name               varchar(200)  not null,
  kind               varchar(24)   not null,
  unit               varchar(16)   not null,
  hazard_unit_id     uuid,
  object_kind        varchar(24),
  object_ref         varchar(200),
  hh                 double precision,
  h                  double precision,
  l                  double precision,
  ll                 double precision,
  rate_per_minute    double precision check (rate_per_minute is null or rate_per_minute > 0),
  interval_seconds   integer       not null check (interval_seconds between 1 and 86400),
  active             boolean       not null default true,
  last_value         double precision,
  last_read_at       timestamptz,
  created_at         timestamptz   not null,
  updated_at         timestamptz   not null,
  unique (enterprise_id, code),
  check (hazard_unit_id is not null or object_ref is not null)
);
create index monitoring_sensor_scope_idx on monitoring_sensor (town_id, park_id, sector);
create index monitoring_sensor_unit_idx on monitoring_sensor (hazard_unit_id);

-- Readings: declarative range partitions by month, created ahead at start-up and by a job; old ones dropped.
create table monitoring_reading (
  sensor_id    uuid             not null,
  read_at      timestamptz      not null,
  value        double precision not null,
  received_at  timestamptz      not null,
  primary key (sensor_id, read_at)
) partition by range (read_at);

create table monitoring_alarm (
  id              uuid primary key,
  sensor_id       uuid          not null references monitoring_sensor (id),
  enterprise_id   uuid          not null,
  town_id         uuid,
  park_id         uuid,
  sector          varchar(32),
  condition       varchar(16)   not null check (condition in ('HIGH', 'LOW', 'RATE', 'OFFLINE')),
  level           varchar(8)    not null,
  state           varchar(16)   not null check (state in ('RAISED', 'ACKNOWLEDGED', 'DISPOSED', 'CLEARED')),
  escalation      varchar(16)   not null default 'NONE' check (escalation in ('NONE', 'TOWN', 'DISTRICT')),
  first_value     double precision,
  last_value      double precision,
  threshold       double precision,
  occurrences     bigint        not null default 1,
  raised_at       timestamptz   not null,
  last_seen_at    timestamptz   not null,
  normal_since    timestamptz,
  reply_due_at    timestamptz   not null,
  acknowledged_at timestamptz,
  acknowledged_by varchar(100),
  reply           varchar(1000),
  disposed_at     timestamptz,
  disposed_by     varchar(100),
  disposal        varchar(1000),
  cleared_at      timestamptz,
  cleared_by      varchar(100),
  escalated_at    timestamptz,
  hazard_id       uuid,
  version         integer       not null default 0
);
-- the constraint that makes a duplicate open alarm impossible, whatever the message delivery does
create unique index monitoring_alarm_one_open on monitoring_alarm (sensor_id, condition) where state <> 'CLEARED';
create index monitoring_alarm_state_idx on monitoring_alarm (state, reply_due_at);
create index monitoring_alarm_raised_idx on monitoring_alarm (raised_at desc);

-- refused readings: counted by reason (micrometer) and kept in a short log for the enterprise to see
create table monitoring_refusal (
  id            bigserial primary key,
  enterprise_id uuid,
  channel       varchar(8)   not null,
  sensor_code   varchar(64),
  reason        varchar(32)  not null,
  detail        varchar(300),
  refused_at    timestamptz  not null
);
create index monitoring_refusal_enterprise_idx on monitoring_refusal (enterprise_id, refused_at desc);

-- per-enterprise device credentials for the MQTT broker (username, SHA-256 of the secret)
create table monitoring_device (
  id            uuid primary key,
  enterprise_id uuid         not null,
  username      varchar(64)  not null unique,
  secret_sha256 varchar(64)  not null,
  created_at    timestamptz  not null
);

-- MON-3: the daily safety commitment (安全风险研判与承诺公告, 应急管理部 2018): the principal commits each day that the
-- units are safe; Guangdong's rule (before 10:00) decides what is on time. One per enterprise and day.
create table monitoring_commitment (
  id               uuid primary key,
  enterprise_id    uuid          not null,
  town_id          uuid,
  park_id          uuid,
  sector           varchar(32),
  day              date          not null,
  principal_name   varchar(50)   not null,
  units_running    integer       not null check (units_running >= 0),
  units_stopped    integer       not null check (units_stopped >= 0),
  hot_work         integer       not null check (hot_work >= 0),
  confined_space   integer       not null check (confined_space >= 0),
  sources_controlled boolean     not null,
  statement        varchar(500)  not null,
  submitted_at     timestamptz   not null,
  on_time          boolean       not null,
  unique (enterprise_id, day)
);
