-- ENF-1: the annual plan (年度执法计划) and its monthly items (月度实施计划). An item is one planned
-- visit of one enterprise in one month; removed items stay with their reason so the plan's history
-- can be read back. Progress is not stored: it is worked out from the finished inspections.
create table inspection_plan (
  id                           uuid primary key,
  year                         int          not null,
  state                        varchar(16)  not null check (state in ('DRAFT', 'APPROVED', 'PUBLISHED')),
  capacity_per_inspector_month int          not null,
  certified_inspectors         int          not null,
  monthly_capacity             int          not null,
  rule_set_note                varchar(200),
  priorities                   jsonb        not null,
  created_by                   varchar(64)  not null,
  created_at                   timestamptz  not null,
  approved_by                  varchar(64),
  approved_at                  timestamptz,
  published_by                 varchar(64),
  published_at                 timestamptz
);
create unique index inspection_plan_published_year on inspection_plan (year) where state = 'PUBLISHED';
create index inspection_plan_year_idx on inspection_plan (year);

create table inspection_plan_item (
  id                 uuid primary key,
  plan_id            uuid         not null references inspection_plan (id),
  enterprise_id      uuid         not null,
  enterprise_name    varchar(200) not null,
  town_id            uuid,
  park_id            uuid,
  sector             varchar(32)  not null,
  supervision_class  varchar(8),
  month              int          not null check (month between 1 and 12),
  generated_month    int,
  basis              varchar(16)  not null check (basis in ('CLASS', 'PRIORITY_SECTOR', 'CAMPAIGN', 'ADDED')),
  campaign           varchar(100),
  priority           boolean      not null,
  removed            boolean      not null default false,
  note               varchar(500)
);
create index inspection_plan_item_plan_idx on inspection_plan_item (plan_id, month);
create index inspection_plan_item_enterprise_idx on inspection_plan_item (enterprise_id);

-- Why an inspection outside the plan was made (压减计划外检查: the share is limited, a reason lifts the limit).
create table inspection_unplanned (
  inspection_id  uuid primary key references inspection_inspection (id),
  year           int          not null,
  reason         varchar(16)  check (reason in ('LEAD', 'COMPLAINT', 'ACCIDENT', 'CAMPAIGN', 'RANDOM_DRAW')),
  recorded_at    timestamptz  not null
);

-- ENF-11: 打非治违 leads and 吹哨人 reports. The whistleblower's name and phone are AES-GCM ciphertext.
create table inspection_lead (
  id                 uuid primary key,
  kind               varchar(20)  not null check (kind in ('ILLEGAL_ACTIVITY', 'WHISTLEBLOWER')),
  enterprise_id      uuid,
  site_name          varchar(200),
  site_address       varchar(300),
  town_id            uuid,
  sector             varchar(32),
  description        text         not null,
  received_on        date         not null,
  source             varchar(16)  not null check (source in ('HOTLINE', 'ONLINE', 'LETTER', 'VISIT', 'REFERRAL')),
  reporter_name      bytea,
  reporter_phone     bytea,
  state              varchar(16)  not null check (state in ('NEW', 'ASSIGNED', 'CLOSED')),
  inspection_id      uuid references inspection_inspection (id),
  inspector_ids      uuid[],
  outcome            varchar(16)  check (outcome in ('CONFIRMED', 'NOT_CONFIRMED')),
  result             text,
  closed_by          varchar(64),
  closed_at          timestamptz,
  reward_yuan        bigint,
  reward_paid_on     date,
  created_by         varchar(64)  not null,
  created_at         timestamptz  not null,
  check (enterprise_id is not null or site_name is not null)
);
create index inspection_lead_state_idx on inspection_lead (state, received_on);

-- ENF-8: the penalty decisions as the 三个强度 count them, one row per case (upserted: redelivery changes nothing).
create table inspection_penalty_tally (
  case_id        uuid primary key,
  enterprise_id  uuid         not null,
  sector         varchar(32),
  inspection_id  uuid,
  handler_ids    uuid[]       not null,
  fine_yuan      bigint       not null,
  decided_at     timestamptz  not null
);
create index inspection_penalty_tally_decided_idx on inspection_penalty_tally (decided_at);
