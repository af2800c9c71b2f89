-- Issue 18: an entry carries the town, park and sector of its enterprise, so that a town and a
-- department see only the entries of the enterprises they supervise (one scope rule for every module).
-- An entry of no known enterprise (a person, a unit not registered) is the district's alone.
alter table credit_record add column town_id uuid;
alter table credit_record add column park_id uuid;
alter table credit_record add column sector varchar(32);
update credit_record c set town_id = e.town_id, park_id = e.park_id, sector = e.sector
  from ent_enterprise e
  where e.id = c.enterprise_id or (c.enterprise_id is null and c.credit_code is not null and e.credit_code = c.credit_code);
create index credit_record_town on credit_record (town_id);
