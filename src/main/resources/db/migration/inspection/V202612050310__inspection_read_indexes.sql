-- Issue 17, district scale (200,000 inspections; docs/benchmarks.md): the list's order (newest plans first), alone and
-- after the state filter, and the year filter (a planned_on range) from an index instead of sorting the whole table.
create index if not exists inspection_planned_idx on inspection_inspection (planned_on desc, created_at desc);
create index if not exists inspection_state_planned_idx on inspection_inspection (state, planned_on desc, created_at desc);
