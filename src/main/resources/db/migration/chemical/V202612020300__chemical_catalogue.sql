-- CHM-1: the district catalogue of chemicals (危险化学品目录 entries in use in the district), with the
-- restricted / forbidden / key-supervised flags the district keeps for each.
create table chemical_chemical (
  id              uuid primary key,
  name            varchar(200)  not null,
  cas             varchar(12)   unique,
  un_number       varchar(4),
  hazard_classes  varchar(100)[] not null default '{}',
  restricted      boolean       not null default false,
  forbidden       boolean       not null default false,
  key_supervised  boolean       not null default false,
  created_at      timestamptz   not null,
  updated_at      timestamptz   not null
);
create index chemical_chemical_name_idx on chemical_chemical (name);
