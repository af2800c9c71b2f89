-- STD-1: applications for a standardization grade (一级/二级/三级) and the grade they lead to. One row
-- is the whole life of an application: submitted with a self-assessment score, an on-site review
-- (一体化: linked to an inspection), the decision of the level that grades it, then the grade with its
-- validity until it expires, is superseded by a new grade, or is revoked. Never deleted.
create table std_application (
  id                     uuid primary key,
  enterprise_id          uuid         not null,
  enterprise_name        varchar(200) not null,
  town_id                uuid,
  park_id                uuid,
  sector                 varchar(32),
  level                  varchar(8)   not null check (level in ('LEVEL_1', 'LEVEL_2', 'LEVEL_3')),
  reviewing_level        varchar(16)  not null check (reviewing_level in ('MINISTRY', 'PROVINCE', 'CITY', 'DISTRICT')),
  self_score             numeric(5,1) not null check (self_score between 0 and 100),
  submitted_on           date         not null,
  state                  varchar(24)  not null check (state in ('SUBMITTED', 'ONSITE_REVIEWED', 'GRADED', 'REJECTED', 'WITHDRAWN',
                                                                  'SUPERSEDED', 'EXPIRED', 'REVOKED')),
  onsite_inspection_id   uuid,
  onsite_score           numeric(5,1) check (onsite_score between 0 and 100),
  onsite_on              date,
  onsite_note            text,
  decided_on             date,
  authority              varchar(200),
  document_no            varchar(100),
  decision_note          text,
  valid_from             date,
  valid_until            date,
  revocation_reason      text,
  revocation_source      varchar(100),
  revocation_proposed_on date,
  revoked_on             date,
  note                   text,
  created_at             timestamptz  not null,
  updated_at             timestamptz  not null,
  version                integer      not null default 0
);
create index std_application_enterprise on std_application (enterprise_id);
create index std_application_state on std_application (state, valid_until);
-- one open application per enterprise at a time
create unique index std_application_one_open on std_application (enterprise_id) where state in ('SUBMITTED', 'ONSITE_REVIEWED');
-- one grade in force per enterprise
create unique index std_application_one_grade on std_application (enterprise_id) where state = 'GRADED';
