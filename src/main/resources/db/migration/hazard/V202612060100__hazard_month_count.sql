-- Issue 17, district scale: hazards found, closed and closed by the deadline per month, kept exact like hazard_count.
-- The dashboard's twelve months and the command view's trends counted them on the found_at / closed_at indexes:
-- 36 range scans of ~70,000 index entries each at a million hazards (~1 s a request). From these totals the same
-- figures are a few hundred rows whatever the number of hazards.
--
-- The month is a month of the district's time zone, kept in hazard_month_zone: the readers use these totals only
-- when it is the zone the application runs in (anjian.district.zone), and count the hazards otherwise.
create table if not exists hazard_month_zone (
  zone varchar(64) primary key
);
insert into hazard_month_zone (zone) select 'Asia/Shanghai' where not exists (select 1 from hazard_month_zone);

create table if not exists hazard_month_count (
  town_id        uuid,
  park_id        uuid,
  sector         varchar(32) not null,
  month          date        not null,
  found          bigint      not null default 0,
  closed         bigint      not null default 0,
  closed_on_time bigint      not null default 0
);
-- One row per group, a missing town or park being a group of its own (see hazard_count_uk for why not NULLS NOT DISTINCT).
-- No CHECK (n >= 0): ON CONFLICT checks the proposed row before it finds the conflict, and a group's net change in a
-- statement may be negative; DistrictScaleTest and HazardMonthCountTest compare the totals with the hazards instead.
create unique index if not exists hazard_month_count_uk on hazard_month_count (
  (coalesce(town_id, '00000000-0000-0000-0000-000000000000'::uuid)), (coalesce(park_id, '00000000-0000-0000-0000-000000000000'::uuid)),
  sector, month);

-- A hazard's contribution: +1 found in its found month; when closed, +1 closed (and +1 on time when closed by the
-- deadline) in its closed month. A statement's change is the new rows' contributions minus the old rows', summed
-- per group; an update counts only the hazards whose counted columns changed, so edits of text cost nothing here.
-- Groups are written in key order, so two transactions lock shared groups in the same order and do not deadlock.
create or replace function hazard_month_apply() returns trigger language plpgsql as $$
declare
  z varchar(64) := (select zone from hazard_month_zone limit 1);
begin
  if tg_op = 'UPDATE' then
    insert into hazard_month_count as k (town_id, park_id, sector, month, found, closed, closed_on_time)
    select town_id, park_id, sector, month, sum(f), sum(c), sum(t) from (
      select r.town_id, r.park_id, r.sector, (date_trunc('month', r.found_at at time zone z))::date as month, r.sign as f, 0 as c, 0 as t
      from (select n.*, 1 as sign from new_rows n join old_rows o on o.id = n.id
              where (o.town_id, o.park_id, o.sector, o.found_at, o.closed_at, o.state, o.deadline)
                    is distinct from (n.town_id, n.park_id, n.sector, n.found_at, n.closed_at, n.state, n.deadline)
            union all
            select o.*, -1 as sign from old_rows o join new_rows n on n.id = o.id
              where (o.town_id, o.park_id, o.sector, o.found_at, o.closed_at, o.state, o.deadline)
                    is distinct from (n.town_id, n.park_id, n.sector, n.found_at, n.closed_at, n.state, n.deadline)) r
      union all
      select r.town_id, r.park_id, r.sector, (date_trunc('month', r.closed_at at time zone z))::date, 0, r.sign,
             case when r.closed_at <= r.deadline then r.sign else 0 end
      from (select n.*, 1 as sign from new_rows n join old_rows o on o.id = n.id
              where (o.town_id, o.park_id, o.sector, o.found_at, o.closed_at, o.state, o.deadline)
                    is distinct from (n.town_id, n.park_id, n.sector, n.found_at, n.closed_at, n.state, n.deadline)
            union all
            select o.*, -1 as sign from old_rows o join new_rows n on n.id = o.id
              where (o.town_id, o.park_id, o.sector, o.found_at, o.closed_at, o.state, o.deadline)
                    is distinct from (n.town_id, n.park_id, n.sector, n.found_at, n.closed_at, n.state, n.deadline)) r
      where r.state = 'CLOSED' and r.closed_at is not null) x
    group by 1, 2, 3, 4
    having sum(f) <> 0 or sum(c) <> 0 or sum(t) <> 0
    order by 1, 2, 3, 4
    on conflict ((coalesce(town_id, '00000000-0000-0000-0000-000000000000'::uuid)), (coalesce(park_id, '00000000-0000-0000-0000-000000000000'::uuid)), sector, month)
    do update set found = k.found + excluded.found, closed = k.closed + excluded.closed, closed_on_time = k.closed_on_time + excluded.closed_on_time;
  elsif tg_op = 'DELETE' then
    insert into hazard_month_count as k (town_id, park_id, sector, month, found, closed, closed_on_time)
    select town_id, park_id, sector, month, -sum(f), -sum(c), -sum(t) from (
      select o.town_id, o.park_id, o.sector, (date_trunc('month', o.found_at at time zone z))::date as month, 1 as f, 0 as c, 0 as t from old_rows o
      union all
      select o.town_id, o.park_id, o.sector, (date_trunc('month', o.closed_at at time zone z))::date, 0, 1, case when o.closed_at <= o.deadline then 1 else 0 end
      from old_rows o where o.state = 'CLOSED' and o.closed_at is not null) x
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4
    on conflict ((coalesce(town_id, '00000000-0000-0000-0000-000000000000'::uuid)), (coalesce(park_id, '00000000-0000-0000-0000-000000000000'::uuid)), sector, month)
    do update set found = k.found + excluded.found, closed = k.closed + excluded.closed, closed_on_time = k.closed_on_time + excluded.closed_on_time;
  else
    insert into hazard_month_count as k (town_id, park_id, sector, month, found, closed, closed_on_time)
    select town_id, park_id, sector, month, sum(f), sum(c), sum(t) from (
      select n.town_id, n.park_id, n.sector, (date_trunc('month', n.found_at at time zone z))::date as month, 1 as f, 0 as c, 0 as t from new_rows n
      union all
      select n.town_id, n.park_id, n.sector, (date_trunc('month', n.closed_at at time zone z))::date, 0, 1, case when n.closed_at <= n.deadline then 1 else 0 end
      from new_rows n where n.state = 'CLOSED' and n.closed_at is not null) x
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4
    on conflict ((coalesce(town_id, '00000000-0000-0000-0000-000000000000'::uuid)), (coalesce(park_id, '00000000-0000-0000-0000-000000000000'::uuid)), sector, month)
    do update set found = k.found + excluded.found, closed = k.closed + excluded.closed, closed_on_time = k.closed_on_time + excluded.closed_on_time;
  end if;
  return null;
end
$$;

drop trigger if exists hazard_month_insert on hazard_hazard;
drop trigger if exists hazard_month_update on hazard_hazard;
drop trigger if exists hazard_month_delete on hazard_hazard;
-- backfilled from the hazards already there (the district-scale database has a million), under a lock that keeps
-- writers out until the triggers are in place
lock table hazard_hazard in share row exclusive mode;
delete from hazard_month_count;
insert into hazard_month_count (town_id, park_id, sector, month, found, closed, closed_on_time)
select town_id, park_id, sector, month, sum(f), sum(c), sum(t) from (
  select h.town_id, h.park_id, h.sector, (date_trunc('month', h.found_at at time zone z.zone))::date as month, 1 as f, 0 as c, 0 as t
  from hazard_hazard h, hazard_month_zone z
  union all
  select h.town_id, h.park_id, h.sector, (date_trunc('month', h.closed_at at time zone z.zone))::date, 0, 1, case when h.closed_at <= h.deadline then 1 else 0 end
  from hazard_hazard h, hazard_month_zone z where h.state = 'CLOSED' and h.closed_at is not null) x
group by 1, 2, 3, 4;
create trigger hazard_month_insert after insert on hazard_hazard referencing new table as new_rows
  for each statement execute function hazard_month_apply();
create trigger hazard_month_update after update on hazard_hazard referencing old table as old_rows new table as new_rows
  for each statement execute function hazard_month_apply();
create trigger hazard_month_delete after delete on hazard_hazard referencing old table as old_rows
  for each statement execute function hazard_month_apply();
