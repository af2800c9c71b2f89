-- PRM-1: electronic special work permits (GB 30871-2022). The permit is one aggregate: the columns
-- are what lists filter, count and scope on (with the enterprise's town, park and sector copied at
-- creation, as the scope conditions expect); the body holds the rest (people, measures, gas analyses).
create sequence permit_number_seq;

create table permit_work_permit (
  id             uuid primary key,
  number         varchar(32)  not null unique,
  enterprise_id  uuid         not null,
  town_id        uuid,
  park_id        uuid,
  sector         varchar(32),
  latitude       double precision,
  longitude      double precision,
  type           varchar(20)  not null check (type in ('HOT_WORK', 'CONFINED_SPACE', 'BLIND_PLATE', 'WORK_AT_HEIGHT', 'LIFTING',
                   'TEMPORARY_POWER', 'EXCAVATION', 'ROAD_CLOSURE')),
  grade          varchar(10)  not null check (grade in ('NONE', 'SPECIAL', 'FIRST', 'SECOND', 'THIRD', 'FOURTH')),
  state          varchar(20)  not null check (state in ('DRAFT', 'APPLIED', 'APPROVED', 'IN_PROGRESS', 'SUSPENDED', 'COMPLETED', 'CLOSED',
                   'CANCELLED', 'EXPIRED')),
  location       varchar(200) not null,
  valid_from     timestamptz  not null,
  valid_to       timestamptz  not null,
  body           jsonb        not null,
  created_by     varchar(64)  not null,
  created_at     timestamptz  not null,
  updated_at     timestamptz  not null
);
create index permit_work_permit_enterprise on permit_work_permit (enterprise_id);
create index permit_work_permit_state on permit_work_permit (state, type);

-- photos of confirmed safety measures (checked by the shared Uploads checker)
create table permit_photo (
  id            uuid primary key,
  permit_id     uuid         not null references permit_work_permit (id),
  measure_index int          not null,
  content_type  varchar(40)  not null,
  file_name     varchar(120) not null,
  content       bytea        not null,
  sha256        char(64)     not null,
  uploaded_by   varchar(64)  not null,
  uploaded_at   timestamptz  not null
);
create index permit_photo_permit on permit_photo (permit_id);

-- signatures drawn on the phone (applicant, work leader, guardian, approver, acceptance)
create table permit_signature (
  id         uuid primary key,
  permit_id  uuid        not null references permit_work_permit (id),
  role       varchar(20) not null check (role in ('APPLICANT', 'WORK_LEADER', 'GUARDIAN', 'APPROVER', 'ACCEPTANCE')),
  name       varchar(64) not null,
  png        bytea       not null,
  sha256     char(64)    not null,
  signed_by  varchar(64) not null,
  signed_at  timestamptz not null
);
create index permit_signature_permit on permit_signature (permit_id);
