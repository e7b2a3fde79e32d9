-- Age gate, consent, verification, profile and second factor of an account.
-- The birth date is never stored: only the day the minimum age was confirmed and the country.
alter table users
  add column email_verified_at   timestamptz,
  add column age_confirmed_on    date,
  add column country             text check (country ~ '^[A-Z]{2}$'),
  add column terms_version       text,
  add column privacy_version     text,
  add column terms_accepted_at   timestamptz,
  add column language            text,
  add column totp_secret         text,
  add column totp_enabled_at     timestamptz,
  add column totp_last_step      bigint;       -- a TOTP code is accepted once

-- Sign-in through an OAuth2 / OpenID Connect provider: only (provider, subject), never tokens.
create table account_identities (
  provider   text        not null,
  subject    text        not null,
  user_id    uuid        not null references users (id) on delete cascade,
  created_at timestamptz not null,
  primary key (provider, subject)
);
create index account_identities_user_idx on account_identities (user_id);

-- One-time recovery codes for the second factor; only hashes are kept.
create table account_recovery_codes (
  user_id   uuid        not null references users (id) on delete cascade,
  code_hash text        not null,
  used_at   timestamptz,
  primary key (user_id, code_hash)
);

-- Device and log data (P5) at sign-up, sign-in and generation. The retention engine truncates
-- the IP after the first period and deletes the row after the second (categories below).
create table account_request_contexts (
  id           uuid primary key,
  user_id      uuid        not null references users (id) on delete cascade,
  activity     text        not null check (activity in ('SIGN_UP', 'SIGN_IN', 'GENERATION')),
  ip           text,
  ip_truncated boolean     not null default false,
  device_class text,
  browser      text,
  os           text,
  language     text,
  referrer     text,
  created_at   timestamptz not null
);
create index account_request_contexts_user_idx on account_request_contexts (user_id, created_at desc);
create index account_request_contexts_created_idx on account_request_contexts (created_at);

-- Scopes of API keys: what a key may do on /v1.
alter table api_keys add column scopes text not null default 'read,generate';

-- A key shared by all nodes to sign links sent by email (verification, reset, email change),
-- created at first start unless configured.
create table account_signing_keys (
  name       text primary key,
  secret     bytea       not null,
  created_at timestamptz not null
);
