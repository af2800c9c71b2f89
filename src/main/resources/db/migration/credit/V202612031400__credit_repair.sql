-- CRD-1 credit repair (信用修复): an enterprise applies for the early removal of its entry after the
-- minimum period with proof of rectification; the district approves (the entry is removed early and the
-- feed shows it as removed with the date, never deleted) or rejects with a reason. The enterprise, town,
-- park and sector are copied from the entry so that the one scope rule (ScopeConditions) applies.
create table credit_repair (
  id               uuid primary key,
  record_id        uuid         not null references credit_record (id),
  enterprise_id    uuid,
  town_id          uuid,
  park_id          uuid,
  sector           varchar(32),
  state            varchar(12)  not null check (state in ('PENDING', 'APPROVED', 'REJECTED')),
  rectification    text         not null,
  proof_type       varchar(40)  not null,
  proof_name       varchar(120) not null,
  proof            bytea        not null,
  applied_on       date         not null,
  applied_by       varchar(100) not null,
  decided_on       date,
  decided_by       varchar(100),
  decision_reason  text,
  version          integer      not null default 0
);
create unique index credit_repair_one_pending on credit_repair (record_id) where state = 'PENDING';
create index credit_repair_state on credit_repair (state);
create index credit_repair_enterprise on credit_repair (enterprise_id);
