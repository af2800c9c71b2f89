-- ACC-1 … ACC-3: accidents, their reports up the line, the investigation and the consequences.
-- town_id, park_id and sector are copied from the enterprise when there is one (else they are the
-- accident's own), so that scope filters and statistics need no join across modules.
create table acc_accident (
  id                     uuid primary key,
  enterprise_id          uuid,
  enterprise_name        varchar(200),
  credit_code            varchar(18),
  town_id                uuid,
  park_id                uuid,
  sector                 varchar(32)  not null,
  accident_type          varchar(32)  not null,
  place                  varchar(200) not null,
  occurred_at            timestamptz  not null,
  people_involved        integer check (people_involved >= 0),
  deaths                 integer      not null check (deaths >= 0),
  missing                integer      not null check (missing >= 0),
  serious_injuries       integer      not null check (serious_injuries >= 0),
  minor_injuries         integer      not null check (minor_injuries >= 0),
  direct_loss            numeric(16, 2) not null check (direct_loss >= 0),
  summary                text         not null,
  cause_behaviour        text,
  cause_condition        text,
  cause_management       text,
  lacks_safe_conditions  boolean      not null default false,
  grade                  varchar(16)  not null check (grade in ('ORDINARY', 'LARGER', 'MAJOR', 'EXTRAORDINARY')),
  state                  varchar(16)  not null check (state in ('REPORTED', 'INVESTIGATING', 'CLOSED')),
  recorded_at            timestamptz  not null,
  recorded_by            varchar(64)  not null,
  -- the investigation (ACC-2)
  inv_level              varchar(16),
  inv_leader             varchar(64),
  inv_members            text,
  inv_started_at         timestamptz,
  inv_report_due         timestamptz,
  inv_extension_days     integer check (inv_extension_days between 1 and 60),
  inv_report_submitted_at timestamptz,
  inv_report_summary     text,
  inv_approved_at        timestamptz,
  inv_approved_by        varchar(64),
  nlg_cause_found        text,
  nlg_responsible_handled text,
  nlg_measures_taken     text,
  nlg_staff_educated     text,
  dual_enterprise_duties text,
  dual_regulator_duties  text,
  closed_at              timestamptz,
  version                integer      not null default 0
);
create index acc_accident_occurred on acc_accident (occurred_at);
create index acc_accident_enterprise on acc_accident (enterprise_id);
create index acc_accident_town on acc_accident (town_id);

-- 事故报告: the enterprise's report (1 h), each level up (2 h), daily follow-ups until closed.
create table acc_report (
  id           bigserial primary key,
  accident_id  uuid        not null references acc_accident (id),
  level        varchar(16) not null check (level in ('ENTERPRISE', 'DISTRICT', 'FOLLOW_UP')),
  reported_at  timestamptz not null,
  reported_by  varchar(64) not null,
  note         text
);
create index acc_report_accident on acc_report (accident_id);

-- ACC-3: the consequence rules as data; every accident is run through all of them.
create table acc_consequence_rule (
  code                    varchar(48) primary key,
  kind                    varchar(32) not null,
  target                  varchar(32) not null,
  sector                  varchar(32),
  min_dead                integer,
  max_dead                integer,
  min_grade               varchar(16),
  max_grade               varchar(16),
  requires_enterprise     boolean not null default false,
  requires_unsafe         boolean not null default false,
  months                  integer,
  points                  integer,
  basis                   varchar(200) not null,
  sort_order              integer not null
);

insert into acc_consequence_rule (code, kind, target, sector, min_dead, max_dead, min_grade, max_grade, requires_enterprise, requires_unsafe, months, points, basis, sort_order) values
  ('MINE_ONE_DEATH_SUSPENSION',   'SUSPENSION',            'ENTERPRISE',          'NON_COAL_MINE', 1, 1,    null,     'ORDINARY', true,  false, 3,    null, '非煤矿山发生一般事故死亡1人的，一律停产3个月', 10),
  ('MINE_TWO_DEATHS_SUSPENSION',  'SUSPENSION',            'ENTERPRISE',          'NON_COAL_MINE', 2, null, null,     null,       true,  false, 6,    null, '非煤矿山发生一般事故死亡2人的，一律停产6个月', 20),
  ('MINE_DEATH_ESCALATION',       'ESCALATED_INVESTIGATION','CITY',               'NON_COAL_MINE', 1, null, null,     null,       false, false, null, null, '发生亡人事故的矿山，一律由市应急管理部门提级调查', 30),
  ('LARGER_UNSAFE_CLOSURE',       'CLOSURE_PROPOSAL',      'DISTRICT_GOVERNMENT', null,            null, null, 'LARGER', null,      true,  true,  null, null, '发生较大及以上事故、不具备安全生产条件的，提请政府依法关闭', 40),
  ('DEATH_SUPERVISION_CLASS',     'SUPERVISION_CLASS',     'ENTERPRISE',          null,            1, null, null,     null,       true,  false, null, null, '发生亡人事故的企业纳入 A 类重点监管', 50),
  ('MINE_ACCIDENT_CLASS',         'SUPERVISION_CLASS',     'ENTERPRISE',          'NON_COAL_MINE', 0, 0,    null,     null,       true,  false, null, null, '非煤矿山凡发生事故的纳入 A 类重点监管', 51),
  ('DEATH_TOWN_DEDUCTION',        'ASSESSMENT_DEDUCTION',  'TOWN',                null,            1, null, null,     'ORDINARY', false, false, null, 2,    '年度安全生产目标考核：发生亡人一般事故扣分', 60),
  ('DEATH_DEPARTMENT_DEDUCTION',  'ASSESSMENT_DEDUCTION',  'DEPARTMENT',          null,            1, null, null,     'ORDINARY', false, false, null, 2,    '年度安全生产目标考核：发生亡人一般事故扣分', 61),
  ('MINE_ACCIDENT_DEDUCTION',     'ASSESSMENT_DEDUCTION',  'TOWN',                'NON_COAL_MINE', 0, 0,    null,     null,       false, false, null, 1,    '非煤矿山凡发生事故的均要在年度考核中扣分', 62),
  ('LARGER_TOWN_VETO',            'ONE_VOTE_VETO',         'TOWN',                null,            null, null, 'LARGER', null,      false, false, null, null, '较大及以上事故严格一票否决', 70),
  ('LARGER_DEPARTMENT_VETO',      'ONE_VOTE_VETO',         'DEPARTMENT',          null,            null, null, 'LARGER', null,      false, false, null, null, '较大及以上事故严格一票否决', 71),
  ('DEATH_CREDIT_ENTRY',          'CREDIT_ENTRY',          'ENTERPRISE',          null,            1, null, null,     null,       true,  false, null, null, '发生生产安全事故应纳入联合惩戒或不良记录黑名单的单位，在信用重庆公布', 80);

create table acc_consequence (
  id           uuid primary key,
  accident_id  uuid        not null references acc_accident (id),
  rule_code    varchar(48) not null,
  kind         varchar(32) not null,
  target       varchar(32) not null,
  target_id    uuid,
  target_name  varchar(200),
  months       integer,
  points       integer,
  basis        varchar(200) not null,
  status       varchar(16) not null check (status in ('PROPOSED', 'DECIDED', 'EXECUTED', 'WITHDRAWN')),
  created_at   timestamptz not null,
  updated_at   timestamptz not null,
  note         text,
  unique (accident_id, rule_code)
);
create index acc_consequence_accident on acc_consequence (accident_id);
