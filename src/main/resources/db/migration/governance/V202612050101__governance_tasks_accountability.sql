-- GOV-2 挂图作战: the year's tasks as projects on a board by quarter (Q1 启动, Q2 夯基, Q3 攻坚, Q4 达标).
create table governance_task (
  id          uuid primary key,
  year        integer      not null,
  quarter     integer      not null check (quarter between 1 and 4),
  project     varchar(200) not null,
  content     text,
  owner_unit  varchar(100) not null,
  state       varchar(16)  not null,
  note        varchar(500),
  sort_order  integer      not null default 0,
  updated_at  timestamptz  not null,
  version     integer      not null default 0
);
create index governance_task_year on governance_task (year, quarter);

-- GOV-4: responsibility lists (党政同责、一岗双责), 明查暗访 records and the numbered accountability documents.
create table governance_accountability_duty (
  id          uuid primary key,
  holder_kind varchar(16)  not null check (holder_kind in ('LEADER', 'OFFICE')),
  holder      varchar(100) not null,
  principle   varchar(40)  not null,
  duty        text         not null,
  sort_order  integer      not null default 0,
  updated_at  timestamptz  not null
);

create table governance_supervision_visit (
  id          uuid primary key,
  visited_on  date         not null,
  mode        varchar(16)  not null check (mode in ('OPEN', 'COVERT')),
  place       varchar(200) not null,
  team        varchar(200) not null,
  findings    text         not null,
  created_by  varchar(100) not null,
  created_at  timestamptz  not null
);

alter table governance_problem add column supervision_visit_id uuid references governance_supervision_visit (id);

create table governance_accountability_counter (
  year     integer     not null,
  kind     varchar(24) not null,
  last_seq integer     not null,
  primary key (year, kind)
);

create table governance_accountability_document (
  id          uuid primary key,
  kind        varchar(24)  not null,
  year        integer      not null,
  seq         integer      not null,
  number      varchar(60)  not null,
  addressee   varchar(200) not null,
  subject     varchar(200) not null,
  body        text         not null,
  issued_on   date         not null,
  issued_by   varchar(100) not null,
  created_at  timestamptz  not null,
  unique (kind, year, seq)
);
