-- CMD-1, CMD-2: the command view's aggregates stay fast at a million hazards. The open hazards are few beside
-- the closed ones: a partial index carries what the per-enterprise tally and the scope conditions read.
create index hazard_open_enterprise_idx on hazard_hazard (enterprise_id) include (town_id, park_id, sector, grade, deadline)
  where state <> 'CLOSED';
-- the monthly trends (found and closed by month) read a range of months
create index hazard_found_at_idx on hazard_hazard (found_at) include (town_id, park_id, sector, enterprise_id);
create index hazard_closed_at_idx on hazard_hazard (closed_at) include (town_id, park_id, sector, enterprise_id) where closed_at is not null;
