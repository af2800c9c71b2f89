-- TRN-1: training records of an enterprise (三级安全教育, new hires, re-training, transfers, 工贸安全大讲堂,
-- warning videos). TRN-2: certificates with their validity and review dates; the holder's ID number is
-- stored SM4-encrypted with a masked copy for lists.
create table trn_record (
  id              uuid primary key,
  enterprise_id   uuid          not null,
  enterprise_name varchar(200)  not null,
  town_id         uuid,
  park_id         uuid,
  sector          varchar(32),
  kind            varchar(16)   not null check (kind in ('THREE_LEVEL', 'NEW_HIRE', 'RETRAINING', 'TRANSFER', 'LECTURE', 'WARNING_VIDEO')),
  video           varchar(16)   check (video in ('ELECTRIC_SHOCK', 'FALL', 'POISONING', 'MACHINERY', 'VEHICLE')),
  topic           varchar(200)  not null,
  held_on         date          not null,
  hours           numeric(5,1)  not null check (hours > 0 and hours <= 200),
  trainees        integer       not null check (trainees between 1 and 100000),
  trainer         varchar(100),
  created_at      timestamptz   not null
);
create index trn_record_enterprise on trn_record (enterprise_id, held_on);

create table trn_certificate (
  id                 uuid primary key,
  enterprise_id      uuid          not null,
  enterprise_name    varchar(200)  not null,
  town_id            uuid,
  park_id            uuid,
  sector             varchar(32),
  kind               varchar(24)   not null check (kind in ('SPECIAL_OPERATION', 'PRINCIPAL', 'SAFETY_MANAGER', 'REGISTERED_ENGINEER')),
  category           varchar(40),
  holder_name        varchar(50)   not null,
  id_number_enc      bytea,
  id_number_masked   varchar(30),
  number             varchar(60)   not null unique,
  issuer             varchar(200)  not null,
  issued_on          date          not null,
  valid_until        date          not null check (valid_until >= issued_on),
  review_due         date,
  last_reviewed_on   date,
  revoked_on         date,
  created_at         timestamptz   not null,
  updated_at         timestamptz   not null,
  version            integer       not null default 0,
  check ((kind = 'SPECIAL_OPERATION') = (category is not null))
);
create index trn_certificate_enterprise on trn_certificate (enterprise_id);
create index trn_certificate_dates on trn_certificate (valid_until, review_due);
