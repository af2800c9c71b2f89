-- ENF-5: penalty cases (行政处罚) from filing to closing. The state machine lives in the code; the
-- check constraint only keeps out what no version of it knows.
create table penalty_case (
  id                   uuid primary key,
  state                varchar(20)  not null check (state in ('FILED', 'INVESTIGATING', 'PROPOSED', 'LEGAL_REVIEW', 'REVIEWED', 'NOTIFIED',
                         'HEARING_REQUESTED', 'HEARD', 'DECIDED', 'EXECUTING', 'CLOSED', 'NO_PENALTY', 'TRANSFERRED')),
  source               varchar(20)  not null check (source in ('INSPECTION', 'ORDER_ESCALATED', 'REPORT', 'LEAD', 'OTHER')),
  source_ref           uuid,
  inspection_id        uuid,
  enterprise_id        uuid         not null,
  categories           varchar(32)[] not null,
  facts                text         not null,
  responsible_person   varchar(64),
  handler_ids          uuid[]       not null,
  -- 自由裁量情节
  major_hazard         boolean      not null default false,
  self_reported        boolean      not null default false,
  rectifying           boolean      not null default false,
  hidden               boolean      not null default false,
  first_offence        boolean      not null default false,
  minor                boolean      not null default false,
  corrected_promptly   boolean      not null default false,
  refused_to_rectify   boolean      not null default false,
  -- the proposal (拟处罚意见)
  fine_yuan            bigint       check (fine_yuan >= 0),
  measures             varchar(24)[],
  legal_basis          text,
  discretion_rule      varchar(40),
  discretion_reason    text,
  proposed_by          uuid,
  review_required      boolean,
  hearing_right        boolean,
  -- documents and dates
  notice_doc_id        uuid,
  notified_on          date,
  decision_doc_id      uuid,
  decision_number      varchar(64),
  decided_at           timestamptz,
  decided_on           date,
  measures_done        text,
  outcome_reason       text,
  filed_by             varchar(64)  not null,
  filed_at             timestamptz  not null,
  updated_at           timestamptz  not null
);
create index penalty_case_enterprise_idx on penalty_case (enterprise_id);
create index penalty_case_state_idx on penalty_case (state);
create index penalty_case_decided_idx on penalty_case (decided_on) where decided_on is not null;
-- one case per escalated order, however often the event is delivered
create unique index penalty_case_escalated_order_uq on penalty_case (source_ref) where source = 'ORDER_ESCALATED';

-- 调查取证: inquiries (询问笔录), inspections (勘验检查) and evidence items
create table penalty_investigation_record (
  id           uuid primary key,
  case_id      uuid          not null references penalty_case (id),
  kind         varchar(16)   not null check (kind in ('INQUIRY', 'INSPECTION', 'EVIDENCE')),
  content      text          not null,
  taken_at     timestamptz   not null,
  recorder     varchar(64)   not null,
  recorded_at  timestamptz   not null
);
create index penalty_investigation_case_idx on penalty_investigation_record (case_id);

-- 法制审核: every submission and outcome, so a returned case keeps its history
create table penalty_legal_review (
  id            uuid primary key,
  case_id       uuid         not null references penalty_case (id),
  submitted_by  varchar(64)  not null,
  submitted_at  timestamptz  not null,
  reviewer_id   uuid,
  reviewer      varchar(64),
  outcome       varchar(10)  check (outcome in ('APPROVED', 'RETURNED')),
  opinion       text,
  reviewed_at   timestamptz
);
create index penalty_legal_review_case_idx on penalty_legal_review (case_id);

create table penalty_hearing (
  case_id              uuid primary key references penalty_case (id),
  requested_by         varchar(64)  not null,
  requested_at         timestamptz  not null,
  held_on              date,
  presiding_officer_id uuid,
  presiding_officer    varchar(64),
  summary              text
);

-- 执行: payments and applications to the court for compulsory enforcement
create table penalty_payment (
  id          uuid primary key,
  case_id     uuid         not null references penalty_case (id),
  amount_yuan bigint       not null check (amount_yuan > 0),
  paid_on     date         not null,
  receipt_no  varchar(64)  not null,
  recorded_by varchar(64)  not null,
  recorded_at timestamptz  not null
);
create index penalty_payment_case_idx on penalty_payment (case_id);

create table penalty_enforcement (
  id          uuid primary key,
  case_id     uuid         not null references penalty_case (id),
  court       varchar(100) not null,
  applied_on  date         not null,
  note        text,
  recorded_by varchar(64)  not null,
  recorded_at timestamptz  not null
);

-- 行刑衔接: the receiving public security organ
create table penalty_transfer (
  case_id     uuid primary key references penalty_case (id),
  organ       varchar(100) not null,
  transferred_on date       not null,
  reason      text         not null,
  recorded_by varchar(64)  not null
);

-- the case's timeline: every transition, who and when (the audit trail keeps before/after too)
create table penalty_timeline (
  id          bigserial primary key,
  case_id     uuid         not null references penalty_case (id),
  at          timestamptz  not null,
  actor       varchar(64)  not null,
  action      varchar(24)  not null,
  from_state  varchar(20),
  to_state    varchar(20)  not null,
  note        text
);
create index penalty_timeline_case_idx on penalty_timeline (case_id, id);

-- 自由裁量基准: condition → recommendation, edited by the district
create table penalty_discretion_rule (
  code                varchar(40) primary key,
  priority            int          not null,
  major_hazard        boolean,
  self_reported       boolean,
  rectifying          boolean,
  hidden              boolean,
  first_offence       boolean,
  minor               boolean,
  corrected_promptly  boolean,
  refused_to_rectify  boolean,
  recommendation      varchar(16)  not null check (recommendation in ('GUIDANCE', 'NO_PENALTY', 'LIGHTER', 'STANDARD', 'HEAVIER')),
  min_yuan            bigint       not null check (min_yuan >= 0),
  max_yuan            bigint       not null,
  description         varchar(200) not null,
  legal_basis         varchar(300),
  check (max_yuan >= min_yuan)
);

insert into penalty_discretion_rule (code, priority, major_hazard, self_reported, rectifying, hidden, first_offence, minor, corrected_promptly,
  refused_to_rectify, recommendation, min_yuan, max_yuan, description, legal_basis) values
('SELF_REPORTED_RECTIFYING', 10, true, true, true, null, null, null, null, null, 'GUIDANCE', 0, 0,
  '重大事故隐患系企业自查自报且正在整改的，以指导帮扶为主，不予罚款', '《安全生产法》第四十一条；《行政处罚法》第三十三条'),
('REFUSED_TO_RECTIFY', 20, null, null, null, null, null, null, null, true, 'HEAVIER', 30000, 50000,
  '责令限期整改后拒不整改的，从重处罚（法定幅度上段）', '《安全生产法》第一百零二条'),
('HIDDEN_MAJOR_HAZARD', 30, true, null, null, true, null, null, null, null, 'HEAVIER', 30000, 50000,
  '重大事故隐患隐瞒不报、由执法检查发现的，从重处罚（法定幅度上段）', '《安全生产法》第一百零二条'),
('FIRST_MINOR_CORRECTED', 40, null, null, null, null, true, true, true, null, 'NO_PENALTY', 0, 0,
  '初次违法且危害后果轻微并及时改正的，可以不予处罚', '《行政处罚法》第三十三条第一款'),
('DEFAULT', 1000, null, null, null, null, null, null, null, null, 'STANDARD', 10000, 30000,
  '无从轻、从重情节的，在法定幅度中段裁量', '《安全生产法》第一百零二条');
