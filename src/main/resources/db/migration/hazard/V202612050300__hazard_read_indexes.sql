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
  n        bigint      not null check (n >= 0)
);
-- One row per group, a missing town or park being a group of its own: an expression index rather than UNIQUE NULLS NOT
-- DISTINCT, which needs PostgreSQL 15 (the README promises 14).
create unique index if not exists hazard_count_uk on hazard_count (
  (coalesce(town_id, '00000000-0000-0000-0000-000000000000'::uuid)), (coalesce(park_id, '00000000-0000-0000-0000-000000000000'::uuid)),
  sector, state, grade);

create or replace function hazard_count_apply() returns trigger language plpgsql as $$
declare
  g record;
begin
  if tg_op = 'UPDATE' then
    -- Only hazards that moved to another group change the totals, so an edit of a hazard's text takes no lock here.
    -- The groups involved are locked in one order first: two transactions moving hazards between the same two groups
    -- in opposite directions (a verification passed here, one sent back there) then wait for each other instead of
    -- deadlocking.
    for g in
      select distinct town_id, park_id, sector, state, grade from (
        select o.town_id, o.park_id, o.sector, o.state, o.grade from old_rows o join new_rows n on n.id = o.id
        where (o.town_id, o.park_id, o.sector, o.state, o.grade) is distinct from (n.town_id, n.park_id, n.sector, n.state, n.grade)
        union all
        select n.town_id, n.park_id, n.sector, n.state, n.grade from old_rows o join new_rows n on n.id = o.id
        where (o.town_id, o.park_id, o.sector, o.state, o.grade) is distinct from (n.town_id, n.park_id, n.sector, n.state, n.grade)) x
      order by 1, 2, 3, 4, 5
    loop
      perform 1 from hazard_count k
      where coalesce(k.town_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(g.town_id, '00000000-0000-0000-0000-000000000000'::uuid) and coalesce(k.park_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(g.park_id, '00000000-0000-0000-0000-000000000000'::uuid)
        and k.sector = g.sector and k.state = g.state and k.grade = g.grade
      for update;
    end loop;
    update hazard_count k set n = k.n - d.c
    from (select o.town_id, o.park_id, o.sector, o.state, o.grade, count(*) as c from old_rows o join new_rows n on n.id = o.id
          where (o.town_id, o.park_id, o.sector, o.state, o.grade) is distinct from (n.town_id, n.park_id, n.sector, n.state, n.grade)
          group by 1, 2, 3, 4, 5) d
    where coalesce(k.town_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(d.town_id, '00000000-0000-0000-0000-000000000000'::uuid) and coalesce(k.park_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(d.park_id, '00000000-0000-0000-0000-000000000000'::uuid)
      and k.sector = d.sector and k.state = d.state and k.grade = d.grade;
    insert into hazard_count (town_id, park_id, sector, state, grade, n)
    select n.town_id, n.park_id, n.sector, n.state, n.grade, count(*) from old_rows o join new_rows n on n.id = o.id
    where (o.town_id, o.park_id, o.sector, o.state, o.grade) is distinct from (n.town_id, n.park_id, n.sector, n.state, n.grade)
    group by 1, 2, 3, 4, 5
    order by 1, 2, 3, 4, 5
    on conflict ((coalesce(town_id, '00000000-0000-0000-0000-000000000000'::uuid)), (coalesce(park_id, '00000000-0000-0000-0000-000000000000'::uuid)), sector, state, grade) do update set n = hazard_count.n + excluded.n;
  elsif tg_op = 'DELETE' then
    update hazard_count k set n = k.n - d.c
    from (select town_id, park_id, sector, state, grade, count(*) as c from old_rows group by 1, 2, 3, 4, 5) d
    where coalesce(k.town_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(d.town_id, '00000000-0000-0000-0000-000000000000'::uuid) and coalesce(k.park_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(d.park_id, '00000000-0000-0000-0000-000000000000'::uuid)
      and k.sector = d.sector and k.state = d.state and k.grade = d.grade;
  else
    insert into hazard_count (town_id, park_id, sector, state, grade, n)
    select town_id, park_id, sector, state, grade, count(*) from new_rows group by 1, 2, 3, 4, 5
    order by 1, 2, 3, 4, 5
    on conflict ((coalesce(town_id, '00000000-0000-0000-0000-000000000000'::uuid)), (coalesce(park_id, '00000000-0000-0000-0000-000000000000'::uuid)), sector, state, grade) do update set n = hazard_count.n + excluded.n;
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
