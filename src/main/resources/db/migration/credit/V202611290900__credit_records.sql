-- CRD-1: blacklist and bad-record entries for units and persons, published to 信用重庆. Entries are
-- never deleted: a rejected proposal, an early removal after credit repair and an expiry stay on record.
create table credit_record (
  id               uuid primary key,
  subject_type     varchar(8)   not null check (subject_type in ('UNIT', 'PERSON')),
  subject_name     varchar(200) not null,
  credit_code      varchar(18),
  enterprise_id    uuid,
  kind             varchar(16)  not null check (kind in ('BLACKLIST', 'BAD_RECORD')),
  cause            varchar(32)  not null check (cause in ('ACCIDENT', 'SERIOUS_VIOLATION', 'REFUSAL_TO_RECTIFY', 'FALSE_REPORT', 'OTHER')),
  cause_detail     text         not null,
  source_ref       varchar(100) unique,
  authority        varchar(200),
  decision_date    date,
  term_months      integer      check (term_months between 1 and 120),
  expires_on       date,
  status           varchar(16)  not null check (status in ('PROPOSED', 'IN_FORCE', 'REJECTED', 'REMOVED')),
  published_at     timestamptz,
  repair_on        date,
  repair_note      text,
  removed_on       date,
  removal_reason   text,
  created_at       timestamptz  not null,
  updated_at       timestamptz  not null,
  version          integer      not null default 0
);
create index credit_record_status on credit_record (status);
create index credit_record_enterprise on credit_record (enterprise_id);
