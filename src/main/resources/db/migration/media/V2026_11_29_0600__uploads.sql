-- Sanitised reference media. user_id has no foreign key into the account module's table.
create table media_uploads (
  id          uuid primary key,
  user_id     uuid        not null,
  kind        text        not null check (kind in ('IMAGE', 'AUDIO', 'VIDEO')),
  blob_key    text        not null,
  bytes       bigint      not null,
  width       int         not null,
  height      int         not null,
  duration_ms bigint      not null,
  created_at  timestamptz not null
);
create index media_uploads_user_idx on media_uploads (user_id, created_at desc);
