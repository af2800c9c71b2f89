-- ENF-4: numbered enforcement documents. A number is taken once from the per-year, per-kind counter
-- and never reused; an issued document is never changed (a correction is a new document that refers
-- to the one it corrects). The PDF is kept with its SHA-256 so a copy can be checked.
create table inspection_document_counter (
  year     int          not null,
  kind     varchar(32)  not null,
  last_seq int          not null,
  primary key (year, kind)
);

create table inspection_document (
  id             uuid primary key,
  kind           varchar(32)  not null,
  number         varchar(64)  not null unique,
  year           int          not null,
  seq            int          not null,
  inspection_id  uuid references inspection_inspection (id),
  enterprise_id  uuid         not null,
  corrects_id    uuid references inspection_document (id),
  issued_by      varchar(64)  not null,
  issued_at      timestamptz  not null,
  pdf            bytea        not null,
  sha256         char(64)     not null,
  unique (year, kind, seq)
);
create index inspection_document_inspection_idx on inspection_document (inspection_id);
