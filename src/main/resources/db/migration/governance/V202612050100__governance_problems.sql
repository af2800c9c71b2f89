-- GOV-3 八张问题清单: the list types are data (their official membership is not confirmed, REFERENCE-RULES §6),
-- problems with their closed loop (登记 → 整改中 → 待核查 → 已销号, 退回 from verification), evidence, history,
-- 举一反三 families (origin_problem_id) and the overdue escalation (town → district).
create table governance_problem_list (
  code        varchar(40)  primary key,
  name        varchar(100) not null,
  description varchar(500),
  sort_order  integer      not null default 0,
  active      boolean      not null default true
);

insert into governance_problem_list (code, name, description, sort_order) values
  ('MAJOR_HAZARD',   '重大事故隐患问题清单',   '排查发现的重大事故隐患及其整改', 1),
  ('ENFORCEMENT',    '执法检查问题清单',       '执法检查、专项检查发现的问题', 2),
  ('SUPERVISION',    '明查暗访问题清单',       '验证式、点穴式、解剖式、全程曝光式明查暗访发现的问题', 3),
  ('PUBLIC_REPORT',  '群众举报投诉问题清单',   '12350 举报投诉查实的问题', 4),
  ('ACCIDENT',       '事故暴露问题清单',       '事故和险情暴露的管理漏洞', 5),
  ('MONITORING',     '监测预警问题清单',       '监测报警、视频抽查发现的问题', 6),
  ('CAMPAIGN',       '专项整治问题清单',       '安全生产专项整治三年行动等专项整治中的问题', 7),
  ('HIGHER_LEVEL',   '上级督导反馈问题清单',   '市级以上督导、巡查反馈的问题', 8);

create table governance_problem (
  id                 uuid primary key,
  list_code          varchar(40)  not null references governance_problem_list (code),
  title              varchar(200) not null,
  description        text         not null,
  owner_kind         varchar(16)  not null check (owner_kind in ('TOWN', 'DEPARTMENT', 'ENTERPRISE')),
  owner_name         varchar(200) not null,
  enterprise_id      uuid,
  town_id            uuid,
  park_id            uuid,
  sector             varchar(32),
  department_id      uuid,
  deadline           date         not null,
  state              varchar(24)  not null,
  measures           text,
  escalation         varchar(16)  not null default 'NONE',
  escalated_at       timestamptz,
  origin_problem_id  uuid references governance_problem (id),
  registered_by      uuid,
  registered_by_name varchar(100) not null,
  registered_at      timestamptz  not null,
  rectified_by       uuid,
  rectified_at       timestamptz,
  verified_by        uuid,
  closed_at          timestamptz,
  rejections         integer      not null default 0,
  version            integer      not null default 0
);
create index governance_problem_state on governance_problem (state, deadline);
create index governance_problem_origin on governance_problem (origin_problem_id);
create index governance_problem_enterprise on governance_problem (enterprise_id);

create table governance_problem_step (
  id          bigserial primary key,
  problem_id  uuid         not null references governance_problem (id),
  action      varchar(32)  not null,
  from_state  varchar(24),
  to_state    varchar(24)  not null,
  actor_name  varchar(100) not null,
  at          timestamptz  not null,
  note        text
);
create index governance_problem_step_problem on governance_problem_step (problem_id);

create table governance_problem_evidence (
  id           uuid primary key,
  problem_id   uuid         not null references governance_problem (id),
  file_name    varchar(200),
  content_type varchar(100) not null,
  size_bytes   integer      not null,
  data         bytea        not null,
  uploaded_by  varchar(100) not null,
  uploaded_at  timestamptz  not null
);
create index governance_problem_evidence_problem on governance_problem_evidence (problem_id);
