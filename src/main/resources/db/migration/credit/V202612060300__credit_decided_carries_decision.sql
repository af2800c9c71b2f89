-- Issue 19 #8: an entry the district has decided (in force, or removed after being in force) always names the deciding
-- authority, the decision date and the expiry; only a proposal may lack them. NOT VALID: enforced on every new or changed
-- row without failing the migration on a database that older code filled.
alter table credit_record add constraint credit_record_decided_has_decision
    check (status not in ('IN_FORCE', 'REMOVED') or (authority is not null and decision_date is not null and expires_on is not null))
    not valid;
