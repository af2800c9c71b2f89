-- Issue 17, district scale: the command view's warnings and the analysis page list the overdue major hazards, longest
-- overdue first. Without an index of their own the planner ANDed two bitmaps of ~55,000 entries each (major hazards
-- by deadline, open hazards) to find ~1,700 rows (300 ms under load). Open major hazards are a few thousand: a
-- partial index in the list's order answers the first twenty directly.
create index if not exists hazard_open_major_deadline_idx on hazard_hazard (deadline, id)
  where state <> 'CLOSED' and grade = 'MAJOR';
