-- DP-3: the official criteria for major hazards as a versioned catalogue. A new version is a new
-- catalogue row; items of older versions stay, so a hazard keeps citing what was in force.
create table hazard_criteria_catalogue (
  id              uuid primary key,
  code            varchar(16)  not null,
  version         varchar(16)  not null,
  name            varchar(200) not null,
  basis           varchar(100) not null,
  effective_from  date,
  sectors         text[]       not null default '{}',
  complete        boolean      not null,
  note            text,
  loaded_at       timestamptz  not null default now(),
  unique (code, version)
);

create table hazard_criterion (
  code          varchar(32)  primary key,
  catalogue_id  uuid         not null references hazard_criteria_catalogue (id),
  section       varchar(64)  not null,
  text          text         not null
);
create index hazard_criterion_catalogue_idx on hazard_criterion (catalogue_id);
