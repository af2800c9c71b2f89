-- Issue 17, district scale (50,000 cases; docs/benchmarks.md): the list's order (newest filed first), alone and after
-- the state filter, and the year filter (a filed_at range) from an index instead of sorting the whole table.
create index if not exists penalty_case_filed_idx on penalty_case (filed_at desc, id);
create index if not exists penalty_case_state_filed_idx on penalty_case (state, filed_at desc, id);
