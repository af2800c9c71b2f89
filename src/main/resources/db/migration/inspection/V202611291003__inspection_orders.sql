-- ENF-6: every rectification order waits for its re-inspection, due a configurable number of days
-- (default 10) after the order's last deadline; the re-inspection's opinion closes it or escalates it.
create table inspection_order (
  document_id          uuid primary key references inspection_document (id),
  inspection_id        uuid         not null references inspection_inspection (id),
  enterprise_id        uuid         not null,
  deadline             date         not null,
  reinspect_by         date         not null,
  state                varchar(16)  not null check (state in ('OPEN', 'CLOSED', 'ESCALATED')),
  reinspection_doc_id  uuid references inspection_document (id),
  opinion              text,
  decided_by           varchar(64),
  decided_at           timestamptz
);
create index inspection_order_state_idx on inspection_order (state, reinspect_by);
