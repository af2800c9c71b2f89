-- DP-2: check lists per post and level, and the daily/weekly/monthly tasks they generate.
create table hazard_check_list (
  id             uuid primary key,
  enterprise_id  uuid         not null,
  town_id        uuid,
  park_id        uuid,
  sector         varchar(32)  not null,
  name           varchar(100) not null,
  post           varchar(100) not null,
  level          varchar(16)  not null check (level in ('POST', 'SAFETY_OFFICER', 'PRINCIPAL')),
  cadence        varchar(16)  not null check (cadence in ('DAILY', 'WEEKLY', 'MONTHLY')),
  active         boolean      not null default true,
  created_at     timestamptz  not null default now()
);
create index hazard_check_list_enterprise_idx on hazard_check_list (enterprise_id);

create table hazard_check_item (
  id              uuid primary key,
  check_list_id   uuid         not null references hazard_check_list (id),
  position        int          not null,
  content         text         not null,
  criterion_code  varchar(32)
);
create index hazard_check_item_list_idx on hazard_check_item (check_list_id, position);

create table hazard_check_task (
  id             uuid primary key,
  check_list_id  uuid         not null references hazard_check_list (id),
  enterprise_id  uuid         not null,
  town_id        uuid,
  park_id        uuid,
  sector         varchar(32)  not null,
  period_start   date         not null,
  due_date       date         not null,
  state          varchar(16)  not null check (state in ('PENDING', 'DONE', 'MISSED')),
  done_at        timestamptz,
  done_by        varchar(64),
  hazards_found  int          not null default 0,
  unique (check_list_id, period_start)
);
create index hazard_check_task_enterprise_idx on hazard_check_task (enterprise_id, due_date);
create index hazard_check_task_state_idx on hazard_check_task (state, due_date);

create table hazard_check_result (
  task_id    uuid        not null references hazard_check_task (id),
  item_id    uuid        not null references hazard_check_item (id),
  outcome    varchar(16) not null check (outcome in ('PASS', 'HAZARD')),
  note       text,
  hazard_id  uuid references hazard_hazard (id),
  primary key (task_id, item_id)
);
