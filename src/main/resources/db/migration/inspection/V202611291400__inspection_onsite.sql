-- ENF-3/ENF-9: every finding is of a violation category; findings recorded before categories are OTHER.
alter table inspection_finding add column category varchar(32) not null default 'OTHER';
create index inspection_finding_recorded_idx on inspection_finding (recorded_at);

-- 执法+专家: who went along besides the inspectors (free text, the expert module may fill it).
alter table inspection_inspection add column companions text;

-- ENF-3 evidence: photos per finding, kept in the database with their SHA-256 so the archive can prove them.
create table inspection_photo (
  id             uuid primary key,
  inspection_id  uuid         not null references inspection_inspection (id),
  finding_id     uuid         not null references inspection_finding (id),
  content_type   varchar(32)  not null,
  size_bytes     int          not null,
  content        bytea        not null,
  sha256         char(64)     not null,
  uploaded_by    varchar(64)  not null,
  uploaded_at    timestamptz  not null
);
create index inspection_photo_finding_idx on inspection_photo (finding_id);

-- Signatures captured on the phone; a later signature of the same person replaces nothing (the newest is used).
create table inspection_signature (
  id             uuid primary key,
  inspection_id  uuid         not null references inspection_inspection (id),
  role           varchar(16)  not null check (role in ('INSPECTOR', 'ENTERPRISE')),
  signer_id      uuid,
  name           varchar(64)  not null,
  png            bytea        not null,
  sha256         char(64)     not null,
  signed_by      varchar(64)  not null,
  signed_at      timestamptz  not null
);
create index inspection_signature_inspection_idx on inspection_signature (inspection_id, signed_at);

-- 现场处理措施决定书 (安全生产法 第六十五条): what was ordered, for which findings, until when.
create table inspection_measure (
  document_id    uuid primary key references inspection_document (id),
  inspection_id  uuid         not null references inspection_inspection (id),
  measures       varchar(32)[] not null,
  finding_ids    uuid[]       not null,
  basis          text         not null,
  until_on       date         not null
);

-- A correction names the document it corrects (corrects_id) and why.
alter table inspection_document add column correction_reason text;

-- 一体化 check list worked item by item on site.
create table inspection_check_result (
  inspection_id  uuid         not null references inspection_inspection (id),
  item           varchar(500) not null,
  outcome        varchar(8)   not null check (outcome in ('PASS', 'FAIL')),
  recorded_by    varchar(64)  not null,
  recorded_at    timestamptz  not null,
  primary key (inspection_id, item)
);

-- 逢查必考: the question bank and the exams taken on site.
create table inspection_question (
  id             uuid primary key,
  sector         varchar(32)  not null,
  examinee_role  varchar(32)  not null check (examinee_role in ('PRINCIPAL', 'SAFETY_MANAGER', 'SPECIAL_OPERATOR')),
  text           text         not null,
  options        text[]       not null check (cardinality(options) = 4),
  correct        int          not null check (correct between 0 and 3),
  source         varchar(200) not null,
  created_at     timestamptz  not null default now(),
  unique (sector, examinee_role, text)
);
create index inspection_question_draw_idx on inspection_question (sector, examinee_role);

create table inspection_exam (
  id             uuid primary key,
  inspection_id  uuid         not null references inspection_inspection (id),
  examinee_name  varchar(64)  not null,
  examinee_role  varchar(32)  not null,
  seed           bigint       not null,
  question_ids   uuid[]       not null,
  answers        int[],
  correct_count  int,
  score          int,
  passed         boolean,
  finding_id     uuid references inspection_finding (id),
  created_by     varchar(64)  not null,
  created_at     timestamptz  not null,
  answered_by    varchar(64),
  answered_at    timestamptz
);
create index inspection_exam_inspection_idx on inspection_exam (inspection_id);
