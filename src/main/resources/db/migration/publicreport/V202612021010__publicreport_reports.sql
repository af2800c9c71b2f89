-- Public reports (12350, RPT-1..3). The reporter's identity is SM4-encrypted (shared.crypto.FieldCipher):
-- reporter_* columns hold bytes only, never plaintext.
create table publicreport_report (
    id                  uuid primary key,
    query_code          varchar(16)  not null unique,
    state               varchar(20)  not null,
    category            varchar(40)  not null,
    description         text         not null,
    location            varchar(200) not null,
    enterprise_id       uuid,
    enterprise_name     varchar(200),
    anonymous           boolean      not null,
    reporter_name       bytea,
    reporter_phone      bytea,
    reporter_id_number  bytea,
    received_at         timestamptz  not null,
    received_on         date         not null,
    accept_due_on       date         not null,
    accepted_on         date,
    reject_reason       varchar(500),
    assignee_kind       varchar(12),
    assignee_id         uuid,
    verify_due_on       date,
    extended            boolean      not null default false,
    extension_reason    varchar(500),
    substantiated       boolean,
    result              text,
    fine_yuan           bigint,
    feedback            text,
    feedback_on         date,
    closed_on           date,
    escalated_on        date,
    lead_id             uuid,
    version             integer      not null default 0
);
create index publicreport_report_state on publicreport_report (state);
create index publicreport_report_assignee on publicreport_report (assignee_kind, assignee_id);

create table publicreport_photo (
    id            uuid primary key,
    report_id     uuid         not null references publicreport_report (id),
    content_type  varchar(20)  not null,
    file_name     varchar(120) not null,
    data          bytea        not null
);
create index publicreport_photo_report on publicreport_photo (report_id);

create table publicreport_reward (
    id            uuid primary key,
    report_id     uuid         not null unique references publicreport_report (id),
    state         varchar(12)  not null,
    amount_yuan   bigint       not null check (amount_yuan > 0),
    basis         varchar(500),
    decided_on    date         not null,
    approved_on   date,
    paid_on       date,
    payment_ref   varchar(100)
);
