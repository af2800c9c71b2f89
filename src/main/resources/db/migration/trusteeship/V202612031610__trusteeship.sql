-- SVC-1: safety service agencies (托管服务机构) with their qualifications, trusteeship contracts with small
-- enterprises, service visits whose findings become the ENTERPRISE's hazards (托管不卸责), monthly service
-- reports and the district's evaluation of agencies. Contracts in force decide what an agency user sees.
create table tru_agency (
  id                        uuid primary key,
  name                      varchar(200) not null,
  credit_code               varchar(18)  not null unique,
  qualification             varchar(200) not null,
  qualification_no          varchar(100) not null,
  qualification_valid_until date         not null,
  contact                   varchar(50)  not null,
  phone                     varchar(30)  not null,
  address                   varchar(300),
  created_at                timestamptz  not null,
  updated_at                timestamptz  not null,
  version                   integer      not null default 0
);

create table tru_contract (
  id                     uuid primary key,
  agency_id              uuid          not null references tru_agency (id),
  enterprise_id          uuid          not null,
  enterprise_name        varchar(200)  not null,
  town_id                uuid,
  park_id                uuid,
  sector                 varchar(32),
  contract_no            varchar(100)  not null,
  start_on               date          not null,
  end_on                 date          not null check (end_on >= start_on),
  service_scope          text          not null,
  price_yuan             numeric(12,2) not null check (price_yuan >= 0),
  government_purchased   boolean       not null,
  visits_per_month       integer       not null default 1 check (visits_per_month between 1 and 31),
  terminated_on          date,
  termination_reason     text,
  created_at             timestamptz   not null,
  updated_at             timestamptz   not null,
  version                integer       not null default 0
);
create index tru_contract_agency on tru_contract (agency_id, start_on, end_on);
create index tru_contract_enterprise on tru_contract (enterprise_id);

create table tru_visit (
  id              uuid primary key,
  contract_id     uuid         not null references tru_contract (id),
  agency_id       uuid         not null,
  enterprise_id   uuid         not null,
  town_id         uuid,
  park_id         uuid,
  sector          varchar(32),
  visited_on      date         not null,
  visitor_name    varchar(50)  not null,
  content         text         not null,
  created_at      timestamptz  not null
);
create index tru_visit_contract on tru_visit (contract_id, visited_on);

create table tru_finding (
  id              uuid primary key,
  visit_id        uuid         not null references tru_visit (id),
  enterprise_id   uuid         not null,
  hazard_id       uuid         not null,
  place           varchar(200) not null,
  description     text         not null,
  grade           varchar(16)  not null,
  deadline        date         not null
);
create index tru_finding_visit on tru_finding (visit_id);

create table tru_monthly_report (
  id              uuid primary key,
  contract_id     uuid         not null references tru_contract (id),
  agency_id       uuid         not null,
  enterprise_id   uuid         not null,
  town_id         uuid,
  park_id         uuid,
  sector          varchar(32),
  month           date         not null,
  visits          integer      not null,
  findings        integer      not null,
  summary         text         not null,
  created_at      timestamptz  not null,
  unique (contract_id, month)
);

create table tru_evaluation (
  id              uuid primary key,
  agency_id       uuid         not null references tru_agency (id),
  year            integer      not null,
  score           integer      not null check (score between 0 and 100),
  rating          varchar(16)  not null check (rating in ('EXCELLENT', 'QUALIFIED', 'UNQUALIFIED')),
  evaluator       varchar(100) not null,
  note            text,
  created_at      timestamptz  not null,
  unique (agency_id, year)
);
