-- CHM-1 一企一品一码: the safety-label facts of a catalogue chemical (GB 15258-2009 label elements:
-- signal word, GHS pictograms, hazard and precautionary statements, first aid, fire fighting, leak
-- handling), kept by the district beside the catalogue entry and shown on the public label page.
create table chemical_label (
  chemical_id        uuid primary key references chemical_chemical (id) on delete cascade,
  signal_word        varchar(4) check (signal_word in ('危险', '警告')),
  pictograms         varchar(5)[] not null default '{}',
  hazard_statements  varchar(2000),
  precautions        varchar(2000),
  first_aid          varchar(2000),
  fire_fighting      varchar(2000),
  leak_handling      varchar(2000),
  updated_at         timestamptz not null
);

-- Each enterprise's products (一企一品): the catalogue chemical, the product name and specification,
-- the roles the enterprise has with it, and the stable public code its QR label carries (80 random
-- bits in base32, never the row id). A withdrawn product keeps its code so that a scan says so.
-- The enterprise's town, park and sector are copied for ScopeConditions.
create table chemical_product (
  id                uuid primary key,
  code              varchar(16)  not null unique,
  enterprise_id     uuid         not null,
  town_id           uuid,
  park_id           uuid,
  sector            varchar(32),
  chemical_id       uuid         not null references chemical_chemical (id),
  product_name      varchar(200) not null,
  specification     varchar(200),
  roles             varchar(12)[] not null,
  emergency_phone   varchar(30)  not null,
  status            varchar(12)  not null check (status in ('ACTIVE', 'WITHDRAWN')),
  withdrawn_on      date,
  withdrawn_reason  varchar(500),
  created_at        timestamptz  not null,
  updated_at        timestamptz  not null,
  check ((status = 'WITHDRAWN') = (withdrawn_on is not null))
);
create index chemical_product_enterprise_idx on chemical_product (enterprise_id);
create index chemical_product_chemical_idx on chemical_product (chemical_id);

-- Safety data sheets (MSDS/SDS, GB/T 16483): PDF only, for a catalogue chemical or for one product.
create table chemical_msds (
  id            uuid primary key,
  chemical_id   uuid references chemical_chemical (id) on delete cascade,
  product_id    uuid references chemical_product (id) on delete cascade,
  file_name     varchar(120) not null,
  size_bytes    integer      not null,
  content       bytea        not null,
  uploaded_at   timestamptz  not null,
  uploaded_by   uuid,
  check ((chemical_id is null) <> (product_id is null))
);
create index chemical_msds_chemical_idx on chemical_msds (chemical_id, uploaded_at desc);
create index chemical_msds_product_idx on chemical_msds (product_id, uploaded_at desc);
