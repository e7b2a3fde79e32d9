-- user_id deliberately has no foreign key into the account module's table: modules own their
-- tables, and account closure erases through the privacy SPI.
create table generations (
  id            uuid primary key,
  user_id       uuid        not null,
  model         text        not null,
  prompt        text        not null,
  seconds       int         not null check (seconds > 0),
  width         int         not null check (width > 0),
  height        int         not null check (height > 0),
  seed          bigint      not null,
  status        text        not null check (status in ('QUEUED', 'IN_PROGRESS', 'COMPLETED', 'FAILED')),
  progress      int         not null default 0 check (progress between 0 and 100),
  attempt       int         not null default 0,
  error_code    text,
  error_message text,
  output_key    text,
  output_bytes  bigint,
  created_at    timestamptz not null,
  started_at    timestamptz,
  completed_at  timestamptz
);
create index generations_user_created_idx on generations (user_id, created_at desc);
