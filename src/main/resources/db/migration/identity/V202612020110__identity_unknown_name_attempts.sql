-- Issue 18: failed sign-ins under names that are no account count and lock like an account's, so the
-- lockout does not tell which names exist. Only a SHA-256 of the lower-cased name is kept (a password
-- typed into the name field must not be stored).
create table identity_unknown_name_attempt (
  name_hash        char(64)     primary key,
  failed_attempts  int          not null,
  locked_until     timestamptz,
  last_attempt_at  timestamptz  not null
);
create index identity_unknown_name_attempt_last_idx on identity_unknown_name_attempt (last_attempt_at);
