-- ENF-3 执法+专家: the experts selected to go along on an inspection, with the seed that picked them
-- so that the selection can be re-run and checked.
create table inspection_expert (
  inspection_id  uuid         not null references inspection_inspection (id),
  expert_id      uuid         not null,
  field          varchar(32)  not null,
  selected_at    timestamptz  not null,
  selected_by    varchar(64)  not null,
  seed           varchar(100) not null,
  primary key (inspection_id, expert_id)
);
create index inspection_expert_expert_idx on inspection_expert (expert_id);
