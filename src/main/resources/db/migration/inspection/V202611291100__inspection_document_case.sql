-- ENF-4/ENF-5: documents are also issued for penalty cases (行政处罚告知书, 决定书), which may have
-- no inspection (a case filed from a report or a lead).
alter table inspection_document add column case_id uuid;
alter table inspection_document alter column inspection_id drop not null;
create index inspection_document_case_idx on inspection_document (case_id) where case_id is not null;
