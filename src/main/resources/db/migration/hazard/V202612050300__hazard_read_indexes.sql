-- Issue 17, district scale (1,000,000 hazards; docs/benchmarks.md): the list's order and the dashboard's filters
-- answered by indexes instead of sorting or scanning the whole table. IF NOT EXISTS: other branches may add the same.

-- the list's order (open first, then by deadline, newest found first), alone and after the state or grade filter
create index if not exists hazard_list_order_idx on hazard_hazard ((case state when 'CLOSED' then 1 else 0 end), deadline, found_at desc);
create index if not exists hazard_state_order_idx on hazard_hazard (state, (case state when 'CLOSED' then 1 else 0 end), deadline, found_at desc);
create index if not exists hazard_grade_order_idx on hazard_hazard (grade, (case state when 'CLOSED' then 1 else 0 end), deadline, found_at desc);

-- the dashboard: open hazards (a few percent of the table) by town, sector and age; found and closed per month;
-- the last year's hazards per enterprise
create index if not exists hazard_open_idx on hazard_hazard (found_at, town_id, sector, grade, deadline)
  where state in ('REPORTED', 'PLANNED', 'RECTIFYING', 'RECTIFIED', 'VERIFIED');
create index if not exists hazard_found_idx on hazard_hazard (found_at) include (enterprise_id, grade);
create index if not exists hazard_closed_idx on hazard_hazard (closed_at) include (deadline) where state = 'CLOSED';

-- Exact totals without counting a million rows: hazards per town, park, sector, state and grade, kept by statement
-- triggers (transition tables, so a bulk insert adds its groups once). The list's total and the dashboard's per-town
-- and per-sector figures read it when every condition is on these columns; any other filter counts the hazards.
create table if not exists hazard_count (
  town_id  uuid,
  park_id  uuid,
  sector   varchar(32) not null,
  state    varchar(16) not null,
  grade    varchar(16) not null,
  n        bigint      not null check (n >= 0),
  constraint hazard_count_uk unique nulls not distinct (town_id, park_id, sector, state, grade)
);

create or replace function hazard_count_apply() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update hazard_count k set n = k.n - d.c
    from (select town_id, park_id, sector, state, grade, count(*) as c from old_rows group by 1, 2, 3, 4, 5) d
    where k.town_id is not distinct from d.town_id and k.park_id is not distinct from d.park_id
      and k.sector = d.sector and k.state = d.state and k.grade = d.grade;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into hazard_count (town_id, park_id, sector, state, grade, n)
    select town_id, park_id, sector, state, grade, count(*) from new_rows group by 1, 2, 3, 4, 5
    on conflict (town_id, park_id, sector, state, grade) do update set n = hazard_count.n + excluded.n;
  end if;
  return null;
end
$$;

drop trigger if exists hazard_count_insert on hazard_hazard;
drop trigger if exists hazard_count_update on hazard_hazard;
drop trigger if exists hazard_count_delete on hazard_hazard;
lock table hazard_hazard in share row exclusive mode;
delete from hazard_count;
insert into hazard_count (town_id, park_id, sector, state, grade, n)
select town_id, park_id, sector, state, grade, count(*) from hazard_hazard group by 1, 2, 3, 4, 5;
create trigger hazard_count_insert after insert on hazard_hazard referencing new table as new_rows
  for each statement execute function hazard_count_apply();
create trigger hazard_count_update after update on hazard_hazard referencing old table as old_rows new table as new_rows
  for each statement execute function hazard_count_apply();
create trigger hazard_count_delete after delete on hazard_hazard referencing old table as old_rows
  for each statement execute function hazard_count_apply();
