-- ENT-3 × ENT-7: two more inputs of the supervision class, fed by the chemical module's
-- ChemicalFactsChanged event: the highest grade of the enterprise's major hazard sources
-- (1 = 一级, the highest; null = none) and how many key supervised processes it runs.
alter table ent_enterprise
  add column major_hazard_source_grade smallint check (major_hazard_source_grade between 1 and 4),
  add column key_processes integer not null default 0 check (key_processes >= 0);

-- A district that already saved its rule set gets the two new rules as the next version (the
-- defaults of RuleSet carry them for a district that has not): 两重点一重大 — a 一级 or 二级 major
-- hazard source, or a key supervised process, puts the enterprise in class A.
insert into ent_rule_set (version, body, note, created_by, created_at)
select s.version + 1,
       jsonb_set(jsonb_set(s.body, '{version}', to_jsonb(s.version + 1)), '{rules}', (s.body -> 'rules') || '[
         {"code": "MAJOR_HAZARD_SOURCE_GRADE_1_2", "kind": "MAJOR_HAZARD_SOURCE_GRADE_AT_MOST", "parameter": "2", "points": 20, "forcesClass": "A", "enabled": true},
         {"code": "KEY_PROCESS", "kind": "KEY_PROCESSES_AT_LEAST", "parameter": "1", "points": 20, "forcesClass": "A", "enabled": true}
       ]'::jsonb),
       '两重点一重大：一级、二级重大危险源或重点监管危险化工工艺列为 A 类', 'system', now()
from ent_rule_set s
where s.version = (select max(version) from ent_rule_set)
  and not exists (select 1 from jsonb_array_elements(s.body -> 'rules') r where r ->> 'code' in ('MAJOR_HAZARD_SOURCE_GRADE_1_2', 'KEY_PROCESS'));
