-- PRM-1: third-party on-site supervision (第三方旁站 / 监护检查) of special work: who (agency, person), when, what was found,
-- and photos. The regulator's "work under way" page lists them within its scope through the permit's columns.
create table permit_supervision (
  id           uuid primary key,
  permit_id    uuid          not null references permit_work_permit (id),
  agency       varchar(100)  not null,
  person       varchar(50)   not null,
  visited_at   timestamptz   not null,
  findings     varchar(1000) not null,
  recorded_by  varchar(64)   not null,
  recorded_at  timestamptz   not null
);
create index permit_supervision_permit on permit_supervision (permit_id, visited_at);
create index permit_supervision_visited on permit_supervision (visited_at desc);

create table permit_supervision_photo (
  id             uuid primary key,
  supervision_id uuid         not null references permit_supervision (id),
  permit_id      uuid         not null references permit_work_permit (id),
  content_type   varchar(40)  not null,
  file_name      varchar(120) not null,
  content        bytea        not null,
  sha256         char(64)     not null,
  uploaded_by    varchar(64)  not null,
  uploaded_at    timestamptz  not null
);
create index permit_supervision_photo_supervision on permit_supervision_photo (supervision_id);
