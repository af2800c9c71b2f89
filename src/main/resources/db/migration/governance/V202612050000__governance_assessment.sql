-- GOV-1 / GOV-3 (part A): the assessment scheme, annual targets, the facts the modules' events bring,
-- stored score results with the facts behind every line, and the 五色图 colour scale. The Chongqing
-- colours, criteria and 一票否决 rules are unconfirmed (REFERENCE-RULES §6): all of it is data the
-- district admin edits, seeded here with a plausible starting scheme.

-- The scheme: one row; its 一票否决 conditions (an accident of this grade or worse, or one accident with
-- this many deaths or more; null = no such condition).
create table gov_assessment_scheme (
    id              uuid primary key,
    name            text        not null,
    veto_grade      text,
    veto_deaths     int,
    updated_at      timestamptz not null,
    version         int         not null default 0
);

-- Indicators: each is worth `weight` points. ACCIDENTS deducts points per death (死亡含失踪), per accident
-- and once when the year's deaths exceed the unit's ceiling, never more than its weight. The rate and count
-- indicators give weight × min(1, actual ÷ target).
create table gov_assessment_indicator (
    id              uuid primary key,
    code            text          not null unique,
    name            text          not null,
    weight          numeric(6, 2) not null check (weight >= 0),
    per_death       numeric(6, 2) not null default 0,
    per_accident    numeric(6, 2) not null default 0,
    over_target     numeric(6, 2) not null default 0,
    default_target  numeric(10, 2) not null,
    sort_order      int           not null,
    criteria        text          not null,
    updated_at      timestamptz   not null
);

-- Annual targets per town or department; a missing target means the indicator's default.
create table gov_assessment_target (
    year            int           not null,
    unit_kind       text          not null check (unit_kind in ('TOWN', 'DEPARTMENT')),
    unit_id         uuid          not null,
    indicator_code  text          not null,
    value           numeric(10, 2) not null check (value >= 0),
    updated_at      timestamptz   not null,
    primary key (year, unit_kind, unit_id, indicator_code)
);

-- The 五色图 scale: a unit takes the highest band whose minimum its score reaches; a 一票否决 puts it in the lowest.
create table gov_five_colour_band (
    code            text primary key,
    name            text          not null,
    colour          text          not null,
    min_score       numeric(6, 2) not null,
    criteria        text          not null,
    sort_order      int           not null unique,
    updated_at      timestamptz   not null
);

-- Facts from the modules' events, once per source record (events are delivered at least once; a revised
-- accident replaces its row). kind: ACCIDENT, HAZARD, PENALTY, STANDARDIZATION.
create table gov_assessment_fact (
    source_id       text primary key,
    kind            text        not null,
    enterprise_id   uuid,
    enterprise_name text,
    town_id         uuid,
    sector          text,
    occurred_at     timestamptz,
    grade           text,
    deaths          int         not null default 0,
    missing         int         not null default 0,
    closed_at       timestamptz,
    on_time         boolean,
    reference       text,
    received_at     timestamptz not null
);
create index gov_assessment_fact_kind on gov_assessment_fact (kind, occurred_at);
create index gov_assessment_fact_town on gov_assessment_fact (town_id);

-- Stored results: one per unit and month (the current month is rewritten by each recomputation, earlier
-- months stay as history). Year to date: facts from 1 January to the end of the month.
create table gov_score (
    id              uuid primary key,
    period          text          not null,
    unit_kind       text          not null,
    unit_id         uuid          not null,
    unit_name       text          not null,
    total           numeric(6, 2) not null,
    vetoed          boolean       not null,
    colour_code     text          not null,
    rank            int           not null,
    computed_at     timestamptz   not null,
    unique (period, unit_kind, unit_id)
);
create index gov_score_period on gov_score (period, unit_kind, rank);

-- Every point of a score: what it is for and the facts behind it (an accident's id, date and enterprise).
create table gov_score_line (
    score_id        uuid          not null references gov_score (id) on delete cascade,
    position        int           not null,
    indicator_code  text          not null,
    kind            text          not null check (kind in ('SCORE', 'DEDUCTION', 'VETO')),
    points          numeric(6, 2) not null,
    explanation     text          not null,
    source_id       text,
    primary key (score_id, position)
);

-- The last recomputation, so a job can tell whether facts arrived since.
create table gov_score_run (
    id              int primary key check (id = 1),
    computed_at     timestamptz not null,
    duration_ms     bigint      not null,
    units           int         not null
);

insert into gov_assessment_scheme (id, name, veto_grade, veto_deaths, updated_at)
values ('6a1e0f3c-0000-4000-8000-000000000001', '镇街和部门安全生产工作目标考核', 'LARGER', null, now());

insert into gov_assessment_indicator (id, code, name, weight, per_death, per_accident, over_target, default_target, sort_order, criteria, updated_at) values
 ('6a1e0f3c-0000-4000-8000-000000000011', 'ACCIDENTS', '事故控制', 40, 10, 2, 10, 2, 1,
  '每死亡（含失踪）1人扣10分，每起事故扣2分，全年死亡人数超过控制指标再扣10分，扣完为止', now()),
 ('6a1e0f3c-0000-4000-8000-000000000012', 'HAZARD_RECTIFICATION', '隐患整改率', 25, 0, 0, 0, 95, 2,
  '本年登记隐患的整改销号率达到目标得满分，未达到按比例得分；无隐患得满分', now()),
 ('6a1e0f3c-0000-4000-8000-000000000013', 'ENFORCEMENT', '执法处罚', 15, 0, 0, 0, 5, 3,
  '本年作出行政处罚决定的件数达到目标得满分，未达到按比例得分', now()),
 ('6a1e0f3c-0000-4000-8000-000000000014', 'STANDARDIZATION', '标准化达标率', 20, 0, 0, 0, 30, 4,
  '在产企业取得安全生产标准化等级的比例达到目标得满分，未达到按比例得分；无企业得满分', now());

insert into gov_five_colour_band (code, name, colour, min_score, criteria, sort_order, updated_at) values
 ('RED',    '红色', '#d62728', 0,  '60分以下，或发生较大及以上事故（一票否决）', 1, now()),
 ('ORANGE', '橙色', '#ff7f0e', 60, '60分以上不满70分', 2, now()),
 ('YELLOW', '黄色', '#f2c40f', 70, '70分以上不满80分', 3, now()),
 ('BLUE',   '蓝色', '#1f77b4', 80, '80分以上不满90分', 4, now()),
 ('GREEN',  '绿色', '#2ca02c', 90, '90分以上', 5, now());
