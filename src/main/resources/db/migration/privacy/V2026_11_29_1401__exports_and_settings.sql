-- "Download my data": each request, its archive once built, and when the archive expires.
create table data_exports (
  id           uuid primary key,
  user_id      uuid        not null,
  status       text        not null check (status in ('PENDING', 'READY', 'FAILED')),
  requested_at timestamptz not null,
  ready_at     timestamptz,
  expires_at   timestamptz,
  archive_key  text,
  bytes        bigint
);
create index data_exports_user on data_exports (user_id, requested_at desc);

-- A user's objections to optional uses of their data (P12). No row: the defaults.
create table privacy_settings (
  user_id             uuid primary key,
  content_for_quality boolean     not null,
  marketing_email     boolean     not null,
  updated_at          timestamptz not null
);
