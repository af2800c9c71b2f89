-- CMD-1, CMD-2: today's inspections and the monthly trend of the command view, at 200,000 inspections
create index inspection_planned_on_idx on inspection_inspection (planned_on);
create index inspection_started_at_idx on inspection_inspection (started_at) where started_at is not null;
create index inspection_finished_at_idx on inspection_inspection (finished_at) include (town_id, park_id, sector, enterprise_id)
  where finished_at is not null;
