-- 包保责任人 duty records (履职记录), 应急厅〔2021〕12号: who checked which major hazard source in which role, when,
-- what was done and what problems were found. The enterprise's scope columns are copied for ScopeConditions.
create table monitoring_duty (
  id               uuid primary key,
  enterprise_id    uuid          not null,
  town_id          uuid,
  park_id          uuid,
  sector           varchar(32),
  unit_id          uuid          not null,
  unit_name        varchar(100)  not null,
  role             varchar(16)   not null check (role in ('PRINCIPAL', 'TECHNICAL', 'OPERATIONAL')),
  custodian_name   varchar(50)   not null,
  day              date          not null,
  content          varchar(1000) not null,
  problems         varchar(1000),
  recorded_by      uuid,
  recorded_at      timestamptz   not null
);
create index monitoring_duty_latest on monitoring_duty (unit_id, role, day desc);
create index monitoring_duty_enterprise on monitoring_duty (enterprise_id, day desc);
